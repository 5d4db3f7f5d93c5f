using System;

namespace CallTracking.Sandbox.AvidTrak
{
    /// <summary>AvidTrak conveniences over the provider-neutral sandbox API (the sandbox itself names no provider).</summary>
    public static class AvidTrakSandboxExtensions
    {
        /// <summary>http://127.0.0.1:PORT/webservice/api.php while listening, else
        /// https://sandbox.avidtrak.invalid/webservice/api.php; the same as <c>sandbox.BaseUriFor("AvidTrak")</c>.</summary>
        public static Uri AvidTrakBaseUri(this CallTrackingSandbox sandbox)
        {
            if (sandbox is null) throw new ArgumentNullException(nameof(sandbox));
            return sandbox.BaseUriFor(AvidTrakEmulator.ProviderName);
        }

        /// <summary>The AvidTrak emulator's accounts, numbers and activity, for assertions.</summary>
        public static AvidTrakSandboxState AvidTrak(this CallTrackingSandbox sandbox)
        {
            if (sandbox is null) throw new ArgumentNullException(nameof(sandbox));
            return sandbox.Emulator<AvidTrakEmulator>().State;
        }

        /// <summary>The AvidTrak option object of these sandbox options (created with its defaults on first use).</summary>
        public static AvidTrakOptions AvidTrak(this SandboxOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            return options.For<AvidTrakOptions>();
        }
    }
}
