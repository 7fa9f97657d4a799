# Lennard-Jones copper: epsilon = 0.4093 eV, sigma = 2.338 Å (Halicioglu & Pound, phys. stat. sol. (a) 30, 619 (1975)),
# cut at 2.5 sigma. Metal units.
pair_style lj/cut 5.845
pair_coeff 1 1 0.4093 2.338
