using System;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>The TrackDrive emulator's options: the credentials it accepts and the data it generates.
    /// Set them with <c>options.For&lt;TrackDriveOptions&gt;()</c> (or <c>options.TrackDrive()</c>) before building the sandbox.</summary>
    public sealed class TrackDriveOptions
    {
        /// <summary>Accepted as the auth_token query parameter; empty = token auth refused.</summary>
        public string AuthToken { get; set; } = "sandbox-token";

        /// <summary>With <see cref="PrivateKey"/>: accepted as Authorization: Basic base64(public_key:private_key).</summary>
        public string PublicKey { get; set; } = "sandbox-public";

        public string PrivateKey { get; set; } = "sandbox-private";

        /// <summary>Calls; computed on demand, so millions cost no memory.</summary>
        public long CallCount { get; set; } = 5000;

        /// <summary>Phone numbers initially rented.</summary>
        public int NumberCount { get; set; } = 25;

        /// <summary>Calls are spread evenly (newest = index 0) over this span before the sandbox's anchor.</summary>
        public TimeSpan CallSpan { get; set; } = TimeSpan.FromDays(90);

        /// <summary>The newest N calls are in progress until hung up.</summary>
        public int InProgressCount { get; set; } = 3;

        /// <summary>Throws for a value the emulator cannot work with, naming the option.</summary>
        internal void Validate(string parameterName)
        {
            if (CallCount < 0) throw Range(parameterName, nameof(CallCount), CallCount, "must not be negative");
            if (NumberCount < 0) throw Range(parameterName, nameof(NumberCount), NumberCount, "must not be negative");
            if (InProgressCount < 0) throw Range(parameterName, nameof(InProgressCount), InProgressCount, "must not be negative");
            if (CallSpan <= TimeSpan.Zero) throw Range(parameterName, nameof(CallSpan), CallSpan, "must be positive");
            if (string.IsNullOrEmpty(AuthToken) && (string.IsNullOrEmpty(PublicKey) || string.IsNullOrEmpty(PrivateKey)))
                throw new ArgumentException("TrackDriveOptions needs an AuthToken or a PublicKey and PrivateKey: with neither, no request could authenticate.", parameterName);
        }

        private static ArgumentOutOfRangeException Range(string parameterName, string option, object value, string rule) =>
            new ArgumentOutOfRangeException(parameterName, value, "TrackDriveOptions." + option + " " + rule + ".");
    }
}
