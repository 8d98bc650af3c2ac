// Layer 5 of Entente: file formats (JSON, Gambit .nfg, NMC CSV) for everything below.
@_exported import EntenteAlliances
