// Layer 2 of Entente: games and their equilibria, built on the numerics below.
// Re-exported so that `import EntenteGames` also gives the matrices, programs and rationals in its API.
@_exported import EntenteNumerics
