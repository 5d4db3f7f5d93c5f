namespace CallTracking.Sandbox
{
    /// <summary>SplitMix64: a bijective 64-bit mixer, so an emulator can recompute any generated record from (seed, id) in a
    /// few nanoseconds; shared by the emulators for their deterministic data.</summary>
    internal struct SplitMix64
    {
        private ulong _state;

        public SplitMix64(ulong state) => _state = state;

        public static ulong Mix(ulong z)
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public ulong Next()
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Value in [0, bound): multiply-shift instead of a division, as this runs ~30 times per call.</summary>
        public int Next(int bound) => (int)(((Next() >> 32) * (ulong)(uint)bound) >> 32);

        /// <summary>Value in [0, bound) for a bound up to 2^32.</summary>
        public long NextLong(long bound) =>
            bound <= uint.MaxValue ? (long)(((Next() >> 32) * (ulong)bound) >> 32) : (long)(Next() % (ulong)bound);

        /// <summary>True with the given percent probability.</summary>
        public bool Chance(int percent) => Next(100) < percent;
    }
}
