"""Stand-in for the `tidynamics` package (not installable offline here), used only by the MSD benchmark.

MDAnalysis EinsteinMSD(fft=True) calls `tidynamics.msd(positions)` once per particle with positions of shape
(frames, dims). This module computes the same quantity with the same O(T log T) algorithm (squared-position running
sums minus twice the FFT autocorrelation, zero-padded to 2T) in numpy, so the peer timing keeps MDAnalysis's own
per-particle loop and numpy FFT.
"""
import numpy as np

__version__ = "stand-in"


def msd(pos):
    pos = np.asarray(pos, dtype=float)
    if pos.ndim == 1:
        pos = pos[:, None]
    n = pos.shape[0]
    size = 2 * n
    spectrum = np.fft.rfft(pos, n=size, axis=0)
    acf = np.fft.irfft(spectrum * spectrum.conj(), n=size, axis=0)[:n].sum(axis=1)
    sq = (pos * pos).sum(axis=1)
    s1 = np.empty(n)
    total = 2 * sq.sum()
    for k in range(n):
        if k > 0:
            total -= sq[k - 1] + sq[n - k]
        s1[k] = total
    return (s1 - 2 * acf) / (n - np.arange(n))
