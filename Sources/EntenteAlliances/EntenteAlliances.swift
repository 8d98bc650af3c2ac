// Layer 4 of Entente: scenarios, threat, the alliance games and their dynamics, built-in data and validation.
@_exported import EntenteCooperative
