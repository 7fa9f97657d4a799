# NaCl rigid-ion Born-Mayer-Huggins (Tosi-Fumi) potential with Ewald Coulomb; types 1 = Na (+1 e), 2 = Cl (-1 e).
# E = A exp((sigma - r)/rho) - C/r^6 + D/r^8 (LAMMPS pair_style born). Parameters of Fumi & Tosi, J. Phys. Chem. Solids
# 25, 31 (1964) and Tosi & Fumi, ibid. 25, 45 (1964), as tabulated by Anwar, Frenkel & Noro, J. Chem. Phys. 118, 728
# (2003): b = 0.338e-19 J with Pauling factors 1.25 / 1 / 0.75, rho = 0.317 Å, sigma = 2.340 / 2.755 / 3.170 Å,
# C = 1.68 / 11.2 / 116 (1e-79 J m^6), D = 0.8 / 13.9 / 233 (1e-99 J m^8), converted to eV (1e-19 J = 0.62415 eV).
# The Na-Na line equals the pair_style born example of the LAMMPS manual (6.08 kcal/mol, 24.18, 11.51 in real units).
pair_style born/coul/long 9.0
pair_coeff 1 1 0.2637 0.317 2.340 1.0486 0.4993
pair_coeff 1 2 0.2110 0.317 2.755 6.9906 8.6758
pair_coeff 2 2 0.1582 0.317 3.170 72.402 145.43
kspace_style ewald 1e-6
