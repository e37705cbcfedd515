#!/usr/bin/env Rscript
# Independent reference values for carevoice's survey statistics (src/experience), computed with R's own
# functions (prop.test, qnorm, pnorm, quantile) and plain vectorised R — not with carevoice's formulas.
#   Rscript tests/r/reference_values.R [output.csv]
# Without an argument it rewrites tests/r/reference_values.csv beside this script; the ctest
# experience.r_reference_is_current re-runs it into a temporary file and compares, so the fixture cannot drift.
# Output: one value per line, `check,case,item,name,value` (item numbers the units of a synthetic data set).

args <- commandArgs(trailingOnly = TRUE)
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
out <- if (length(args) >= 1) args[1] else file.path(dirname(normalizePath(script)), "reference_values.csv")

rows <- list()
emit <- function(check, case, name, value, item = "") {
  rows[[length(rows) + 1]] <<- data.frame(check = check, case = as.character(case), item = as.character(item),
                                          name = name, value = sprintf("%.15g", value))
}

# The CPES expected-range constant, as published (1.959964), and R's own 99.9th normal percentile.
z_cpes <- 1.959964
z_998 <- qnorm(0.999)

# Wilson score intervals: prop.test without continuity correction reports exactly the Wilson interval.
wilson_case <- 0
for (n in c(1, 5, 21, 50, 143, 487, 1000, 5000)) {
  for (x in sort(unique(c(0, 1, round(n * c(0.1, 0.5, 0.77, 0.95)), n - 1, n)))) {
    if (x < 0 || x > n) next
    ci <- suppressWarnings(prop.test(x, n, correct = FALSE)$conf.int)
    wilson_case <- wilson_case + 1
    emit("wilson", wilson_case, "x", x); emit("wilson", wilson_case, "n", n)
    emit("wilson", wilson_case, "z", qnorm(0.975))
    emit("wilson", wilson_case, "lower", 100 * ci[1]); emit("wilson", wilson_case, "upper", 100 * ci[2])
  }
}

# Two-proportion tests: prop.test on two samples without continuity correction (chi-squared = z²).
pairs <- rbind(c(50, 100, 60, 100), c(380, 478, 394, 487), c(77, 86, 177, 181), c(51, 61, 70, 100),
               c(405, 466, 532, 649), c(10, 21, 19, 21), c(700, 1000, 740, 1000), c(300, 500, 300, 500),
               c(1, 30, 29, 30), c(4500, 5000, 4420, 5000))
for (i in seq_len(nrow(pairs))) {
  p <- pairs[i, ]
  test <- suppressWarnings(prop.test(c(p[1], p[3]), c(p[2], p[4]), correct = FALSE))
  emit("two_proportion", i, "x1", p[1]); emit("two_proportion", i, "n1", p[2])
  emit("two_proportion", i, "x2", p[3]); emit("two_proportion", i, "n2", p[4])
  emit("two_proportion", i, "p_value", test$p.value)
}

# Tail probabilities of the standard normal.
for (i in seq_along(zs <- c(0, 0.5, -1.2, 1.959964, 3.090232, -5, 8))) {
  emit("normal", i, "z", zs[i]); emit("normal", i, "two_sided_p", 2 * pnorm(-abs(zs[i])))
}

# Expected ranges: p0 ± z·sqrt(p0(1 − p0)/n + τ²) capped to 0–100, and mean ± z·sqrt(sd²/n + τ²), for the
# published 95% (z = 1.959964) and a 99.8% funnel limit (z = qnorm(0.999)).
ranges <- data.frame(
  measure = c("percent", "percent", "percent", "percent", "percent", "mean", "mean"),
  centre  = c(77.3196, 31.1526, 95.7919, 4.5, 52.6389, 8.8038, 8.8038),
  sd      = c(NA, NA, NA, NA, NA, 1.3883, 1.3883),
  tau2    = c(0, 0.002637, 0.01, 0.003, 0.000805, 0.00191, 0),
  n       = c(487, 143, 21, 30, 1000, 143, 60))
for (i in seq_len(nrow(ranges))) {
  r <- ranges[i, ]
  for (z in c(z_cpes, z_998)) {
    if (r$measure == "percent") {
      p0 <- r$centre / 100
      half <- z * sqrt(p0 * (1 - p0) / r$n + r$tau2)
      limits <- 100 * c(max(0, p0 - half), min(1, p0 + half))
    } else {
      half <- z * sqrt(r$sd^2 / r$n + r$tau2)
      limits <- c(max(0, r$centre - half), min(10, r$centre + half))
    }
    case <- sprintf("%d_%s", i, if (z == z_cpes) "95" else "998")
    emit("expected_range", case, "is_mean", r$measure == "mean"); emit("expected_range", case, "centre", r$centre)
    emit("expected_range", case, "sd", ifelse(is.na(r$sd), 0, r$sd)); emit("expected_range", case, "tau2", r$tau2)
    emit("expected_range", case, "n", r$n); emit("expected_range", case, "z", z)
    emit("expected_range", case, "lower", limits[1]); emit("expected_range", case, "upper", limits[2])
  }
}

# Mean intervals: mean ± qnorm(0.975)·sd/√n.
for (i in 1:3) {
  m <- c(8.80, 9.12, 7.5)[i]; s <- c(1.39, 1.1, 2)[i]; n <- c(143, 21, 900)[i]
  emit("mean_interval", i, "mean", m); emit("mean_interval", i, "sd", s); emit("mean_interval", i, "n", n)
  emit("mean_interval", i, "z", qnorm(0.975))
  emit("mean_interval", i, "lower", m - qnorm(0.975) * s / sqrt(n)); emit("mean_interval", i, "upper", m + qnorm(0.975) * s / sqrt(n))
}

# Spiegelhalter (2005), "Handling over-dispersion of performance indicators": z-scores around the target,
# winsorised at their 10th and 90th percentiles, phi = mean(z²), DerSimonian–Laird additive tau²
# (zero when phi ≤ 1, as CPES publishes it).
spiegelhalter <- function(y, s, target) {
  z <- (y - target) / s
  limits <- quantile(z, c(0.1, 0.9), names = FALSE)
  zw <- pmin(pmax(z, limits[1]), limits[2])
  phi <- mean(zw^2)
  w <- 1 / s^2
  tau2 <- if (phi <= 1) 0 else (length(z) * phi - (length(z) - 1)) / (sum(w) - sum(w^2) / sum(w))
  c(phi = phi, tau2 = tau2)
}

set.seed(20051001)
# P: proportions from 40 organisations whose true rates vary more than chance (logit-normal, sd 0.35).
n <- sample(25:900, 40)
y <- rbinom(40, n, plogis(qlogis(0.72) + rnorm(40, 0, 0.35)))
# U: 30 organisations scattered less than chance would scatter them (phi < 1), so tau² = 0.
n_u <- sample(40:600, 30)
y_u <- round(n_u * 0.6) + sample(c(-1, 0, 1), 30, replace = TRUE)
proportions <- list(P = list(y = y, n = n), U = list(y = y_u, n = n_u))
for (case in names(proportions)) {
  d <- proportions[[case]]
  target <- sum(d$y) / sum(d$n)
  est <- spiegelhalter(d$y / d$n, sqrt(target * (1 - target) / d$n), target)
  for (i in seq_along(d$n)) {
    emit("spiegelhalter_unit", case, "percent", 100 * d$y[i] / d$n[i], item = i)
    emit("spiegelhalter_unit", case, "n", d$n[i], item = i)
  }
  emit("spiegelhalter", case, "is_mean", 0); emit("spiegelhalter", case, "centre", 100 * target)
  emit("spiegelhalter", case, "phi", est[["phi"]]); emit("spiegelhalter", case, "tau2", est[["tau2"]])
}
# M: means of a 0–10 item (respondent SD 1.4) from 35 organisations with true means N(8.8, 0.12²).
n_m <- sample(21:800, 35)
mean_m <- 8.8 + rnorm(35, 0, 0.12) + rnorm(35, 0, 1.4 / sqrt(n_m))
target_m <- sum(n_m * mean_m) / sum(n_m)
est_m <- spiegelhalter(mean_m, 1.4 / sqrt(n_m), target_m)
for (i in seq_along(n_m)) {
  emit("spiegelhalter_unit", "M", "mean", mean_m[i], item = i)
  emit("spiegelhalter_unit", "M", "n", n_m[i], item = i)
  emit("spiegelhalter_unit", "M", "sd", 1.4, item = i)
}
emit("spiegelhalter", "M", "is_mean", 1); emit("spiegelhalter", "M", "centre", target_m)
emit("spiegelhalter", "M", "phi", est_m[["phi"]]); emit("spiegelhalter", "M", "tau2", est_m[["tau2"]])

# Published ranges of a level, rounded as NHS England published the CCG and alliance ones (whole percent, 0.01
# for the 0–10 item, halves up), from known parameters: fitting them must reproduce every rounded limit and
# land near the parameters they came from. F: 60 CCG-like organisations; C: small organisations of a question
# near 100%, whose upper limits are capped; A: 19 alliance-like large organisations; M: the 0–10 item.
round_half_up <- function(x, unit) unit * floor(x / unit + 0.5)
fits <- list(F = list(measure = "percent", centre = 60.4719, tau2 = 0.00026, sd = 0, n = sample(25:900, 60)),
             C = list(measure = "percent", centre = 95.7919, tau2 = 0, sd = 0, n = sample(21:120, 30)),
             A = list(measure = "percent", centre = 77.4389, tau2 = 0.00003, sd = 0, n = sample(1000:8000, 19)),
             M = list(measure = "mean", centre = 8.8037, tau2 = 0.0027, sd = 1.3829, n = sample(30:1500, 50)))
for (case in names(fits)) {
  f <- fits[[case]]
  if (f$measure == "percent") {
    p0 <- f$centre / 100
    half <- z_cpes * sqrt(p0 * (1 - p0) / f$n + f$tau2)
    lower <- 100 * pmax(0, p0 - half); upper <- 100 * pmin(1, p0 + half); unit <- 1
  } else {
    half <- z_cpes * sqrt(f$sd^2 / f$n + f$tau2)
    lower <- pmax(0, f$centre - half); upper <- pmin(10, f$centre + half); unit <- 0.01
  }
  for (i in seq_along(f$n)) {
    emit("range_fit_unit", case, "n", f$n[i], item = i)
    emit("range_fit_unit", case, "lower", round_half_up(lower[i], unit), item = i)
    emit("range_fit_unit", case, "upper", round_half_up(upper[i], unit), item = i)
  }
  emit("range_fit", case, "is_mean", f$measure == "mean"); emit("range_fit", case, "unit", unit)
  emit("range_fit", case, "centre", f$centre); emit("range_fit", case, "tau2", f$tau2); emit("range_fit", case, "sd", f$sd)
}

write.csv(do.call(rbind, rows), out, row.names = FALSE, quote = FALSE)
