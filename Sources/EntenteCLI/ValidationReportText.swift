import Entente
import Foundation

/// Renders an ``AllianceValidationReport`` as terminal tables or as a JSON-compatible dictionary.
enum ValidationReportText {
    static func r(_ x: Double?) -> String {
        guard let x, !x.isNaN else { return "–" }
        return String(format: "%.3f", x)
    }

    static func span(_ r: ClosedRange<Int>) -> String { "\(r.lowerBound)–\(r.upperBound)" }

    static func scoreTable(_ s: [ValidationScores]) -> String {
        Table(
            header: [
                "predictor", "log loss", "Brier", "AUC", "raw AUC", "mean ARI", "war pairs", "war acc.", "war Brier",
                "war log loss",
            ],
            rows: s.enumerated().map { k, v in (k, v) }.map { k, v in
                [
                    k == 0 ? v.predictor + " (model)" : v.predictor, r(v.logLoss), r(v.brier), r(v.auc), r(v.rawAUC),
                    r(v.meanARI), v.war.map { String($0.pairs) } ?? "0",
                    r(v.war?.accuracy), r(v.war?.brier), r(v.war?.logLoss),
                ]
            }
        ).render()
    }

    static func section(_ title: String, _ s: [ValidationScores]) -> String {
        guard let first = s.first else { return "\(title): no years\n" }
        return "\(title): \(first.years) years, \(first.dyadYears) dyad-years, \(first.alliances) allied\n"
            + scoreTable(s) + "\n"
    }

    static func text(_ rep: AllianceValidationReport) -> String {
        var out =
            "model \(rep.modelName) vs baselines — fitted on \(span(rep.fitYears)), scored on \(span(rep.scoreYears))\n"
        out +=
            "outcome: ATOP defense or offense commitment; log loss clips p to [0.001, 0.999]; predicted structure: components of pairs with p ≥ 0.5\n"
        out +=
            "calibration (Platt, slope ≥ 0): p = σ(\(Format.number(rep.calibration.intercept)) + \(Format.number(rep.calibration.slope)) · logit(raw))\n"
        out +=
            "base rate: p_alliance = \(Format.number(rep.baseRate.pAlliance)), p_same_side = \(Format.number(rep.baseRate.pSameSide))\n"
        out +=
            "logistic: "
            + zip(LogisticBaselineModel.featureNames, rep.logistic.regression.coefficients).map {
                "\($0) \(Format.number($1))"
            }.joined(separator: ", ") + "\n\n"
        if rep.warYears != rep.scoreYears {
            out +=
                "war side agreement: "
                + (rep.warYears.map { "only wars that started in \(span($0)) (known war outcomes)" }
                    ?? "no known war outcomes in the scored years") + "\n\n"
        }
        out += section("all scored years", rep.all) + "\n"
        out += section("in the fitting window", rep.inWindow) + "\n"
        out += section("outside the fitting window", rep.outOfWindow) + "\n"
        if !rep.warPairs.isEmpty {
            out += "war pairs (p_same_side by predictor)\n"
            out +=
                Table(
                    header: ["war", "start", "pair", "same side"] + rep.predictors,
                    rows: rep.warPairs.map { w in
                        [String(w.warnum), String(w.year), "\(w.ccode1)–\(w.ccode2)", w.sameSide ? "yes" : "no"]
                            + w.pSameSide.map { r($0) }
                    }
                ).render() + "\n"
            if rep.skippedWarPairs > 0 {
                out +=
                    "(\(rep.skippedWarPairs) war pairs skipped: a participant was not a great power in the start year)\n"
            }
            out += "\n"
        }
        out += "per year: adjusted Rand index and log loss by predictor (* = fitting year)\n"
        out += Table(
            header: ["year", "pairs", "allied"] + rep.predictors.map { "ARI \($0)" }
                + rep.predictors.map { "LL \($0)" },
            rows: rep.years.map { y in
                ["\(y.year)\(y.inFitWindow ? "*" : "")", String(y.dyads), String(y.alliances)] + y.ari.map { r($0) }
                    + y.logLoss.map { r($0) }
            }
        ).render()
        return out
    }

    static func num(_ x: Double?) -> Any { x.map { $0.isNaN ? NSNull() as Any : $0 as Any } ?? NSNull() }

    static func scores(_ s: [ValidationScores]) -> [[String: Any]] {
        s.map { v in
            var d: [String: Any] = [
                "predictor": v.predictor, "years": v.years, "dyadYears": v.dyadYears, "alliances": v.alliances,
                "logLoss": num(v.logLoss), "brier": num(v.brier), "auc": num(v.auc), "meanARI": num(v.meanARI),
            ]
            if let a = v.rawAUC { d["rawAUC"] = a }
            if let w = v.war {
                d["war"] = [
                    "pairs": w.pairs, "accuracy": num(w.accuracy), "brier": num(w.brier), "logLoss": num(w.logLoss),
                ]
            }
            return d
        }
    }

    static func json(_ rep: AllianceValidationReport) -> [String: Any] {
        [
            "model": rep.modelName, "fitYears": [rep.fitYears.lowerBound, rep.fitYears.upperBound],
            "scoreYears": [rep.scoreYears.lowerBound, rep.scoreYears.upperBound], "predictors": rep.predictors,
            "logLossClip": ProbabilityMetrics.clip,
            "calibration": ["intercept": rep.calibration.intercept, "slope": rep.calibration.slope],
            "baseRate": ["pAlliance": rep.baseRate.pAlliance, "pSameSide": rep.baseRate.pSameSide],
            "logistic": Dictionary(
                uniqueKeysWithValues: zip(LogisticBaselineModel.featureNames, rep.logistic.regression.coefficients).map
                { ($0, $1 as Any) }),
            "all": scores(rep.all), "inWindow": scores(rep.inWindow), "outOfWindow": scores(rep.outOfWindow),
            "years": rep.years.map { y in
                [
                    "year": y.year, "inFitWindow": y.inFitWindow, "dyads": y.dyads, "alliances": y.alliances,
                    "ari": y.ari.map { num($0) }, "logLoss": y.logLoss.map { num($0) },
                    "brier": y.brier.map { num($0) },
                ] as [String: Any]
            },
            "warPairs": rep.warPairs.map {
                [
                    "warnum": $0.warnum, "year": $0.year, "ccode1": $0.ccode1, "ccode2": $0.ccode2,
                    "sameSide": $0.sameSide,
                    "pSameSide": $0.pSameSide,
                ] as [String: Any]
            },
            "skippedWarPairs": rep.skippedWarPairs,
            "warYears": rep.warYears.map { [$0.lowerBound, $0.upperBound] as Any } ?? NSNull(),
        ]
    }
}
