using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Tests.Transport;

/// <summary>
/// Synthetic trajectories like those of ionic solids: atoms on a simple-cubic lattice of spacing a that hop to one of
/// their six neighbours with probability p per frame (D = p·a²/(6Δt) exactly), and vibrate about their site with a
/// Gaussian displacement of standard deviation σ per component, independent between frames (τ = 0) or an
/// Ornstein–Uhlenbeck process with relaxation time τ (a cage that takes time to explore).
/// </summary>
internal static class Solids
{
    private static readonly Vec3[] Neighbours = [new(1, 0, 0), new(-1, 0, 0), new(0, 1, 0), new(0, -1, 0), new(0, 0, 1), new(0, 0, -1)];

    /// <summary>The tracer diffusion coefficient (Å²/ps) of the hops.</summary>
    public static double Diffusion(double a, double p, double dt) => p * a * a / (6 * dt);

    /// <summary>Unwrapped positions [frame][atom].</summary>
    public static Vec3[][] HopsAndVibration(Random random, int atoms, int frames, double dt, double a, double p, double sigma, double tau = 0)
    {
        var site = Enumerable.Range(0, atoms).Select(i => a * new Vec3(i % 4, (i / 4) % 4, i / 16)).ToArray();
        var vibration = Enumerable.Range(0, atoms).Select(_ => Gaussian(random, sigma)).ToArray();
        double keep = tau > 0 ? Math.Exp(-dt / tau) : 0;
        double kick = sigma * Math.Sqrt(1 - (keep * keep));
        var r = new Vec3[frames][];
        for (int t = 0; t < frames; t++)
        {
            r[t] = new Vec3[atoms];
            for (int i = 0; i < atoms; i++)
            {
                if (t > 0 && random.NextDouble() < p)
                {
                    site[i] += a * Neighbours[random.Next(6)];
                }

                if (t > 0)
                {
                    vibration[i] = (keep * vibration[i]) + Gaussian(random, kick);
                }

                r[t][i] = site[i] + vibration[i];
            }
        }

        return r;
    }

    private static Vec3 Gaussian(Random random, double sigma) =>
        sigma * new Vec3(Walks.Normal(random), Walks.Normal(random), Walks.Normal(random));
}
