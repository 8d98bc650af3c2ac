// The umbrella module: `import Entente` gives every layer of the library.
//   EntenteNumerics → EntenteGames → EntenteCooperative → EntenteAlliances → EntenteIO
// Each layer may import only the layers below it (Package.swift enforces it).
@_exported import EntenteAlliances
@_exported import EntenteCooperative
@_exported import EntenteGames
@_exported import EntenteIO
@_exported import EntenteNumerics
