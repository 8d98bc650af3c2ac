// gambit-enumpoly: a minimal command-line driver around Gambit's enumpoly solver (Gambit 16.7, from the pygambit
// sdist), for Benchmarks/compare-peers. Reads one .nfg file, runs EnumPolyStrategySolve with the parameters that
// pygambit's enumpoly_solve uses by default (stop_after = 0, maxregret = 1e-4 relative to the payoff range), and
// prints one JSON object: the CPU and wall seconds of the solve alone (reading the file is not timed), the number of
// equilibria, and each equilibrium's probabilities (player by player, strategy by strategy) with Gambit's own max
// regret. Written for this repository; it only calls Gambit's public C++ API.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include "gambit.h"
#include "solvers/enumpoly/enumpoly.h"

int main(int argc, char **argv)
{
  if (argc != 2) {
    std::cerr << "usage: gambit-enumpoly FILE.nfg\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "gambit-enumpoly: cannot open " << argv[1] << "\n";
    return 2;
  }
  try {
    Gambit::Game game = Gambit::ReadGame(in);
    std::clock_t c0 = std::clock();
    auto w0 = std::chrono::steady_clock::now();
    auto equilibria = Gambit::Nash::EnumPolyStrategySolve(game, 0, 1.0e-4);
    std::clock_t c1 = std::clock();
    auto w1 = std::chrono::steady_clock::now();
    std::printf("{\"cpu_s\": %.6f, \"wall_s\": %.6f, \"count\": %zu, \"equilibria\": [",
                double(c1 - c0) / CLOCKS_PER_SEC, std::chrono::duration<double>(w1 - w0).count(),
                equilibria.size());
    bool firstProfile = true;
    for (const auto &profile : equilibria) {
      std::printf("%s{\"regret\": %.3e, \"probabilities\": [", firstProfile ? "" : ", ", profile.GetMaxRegret());
      firstProfile = false;
      bool firstPlayer = true;
      for (const auto &player : game->GetPlayers()) {
        std::printf("%s[", firstPlayer ? "" : ", ");
        firstPlayer = false;
        bool firstStrategy = true;
        for (const auto &strategy : player->GetStrategies()) {
          std::printf("%s%.17g", firstStrategy ? "" : ", ", profile[strategy]);
          firstStrategy = false;
        }
        std::printf("]");
      }
      std::printf("]}");
    }
    std::printf("]}\n");
  }
  catch (std::exception &e) {
    std::cerr << "gambit-enumpoly: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
