// Layer 3 of Entente: cooperative solutions and power indices, built on the games below.
@_exported import EntenteGames
