namespace GbAtomistics.Analysis.Transport.Dynamics;

/// <summary>
/// Hop statistics of one region, each hop counted in the region of the site it starts from. Rates are per ion per ps:
/// hops / exposure, the exposure being the ion-time (ion·ps) spent assigned to sites in the region; the error is the
/// Poisson √n / exposure and the upper bound the exact one-sided 95 % Poisson limit χ²₀.₉₅(2n + 2)/(2·exposure).
/// Residence times are the times between two hops of an ion; the interval before an ion's first hop and after its
/// last (or the whole run without hops) are censored and only counted. The censoring-aware estimate of the mean
/// residence time of an exponential distribution is exposure / hops (maximum likelihood, error estimate/√n).
/// </summary>
public sealed record HopRegionSummary(
    string Region,
    int Hops,
    double ExposureIonPs,
    double MeanIons,
    double Rate,
    double RateError,
    double RateUpper95,
    double MeanLength,
    int CompleteResidences,
    double MeanResidencePs,
    double MeanResidenceErrorPs,
    int CensoredIntervals,
    double ResidenceMlePs,
    double ResidenceMleErrorPs,
    int? CrossingHops,
    double? CrossingFraction,
    double? CrossingFractionError);
