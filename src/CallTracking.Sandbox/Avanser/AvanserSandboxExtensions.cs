using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Sandbox.Avanser
{
    /// <summary>AVANSER conveniences over the provider-neutral sandbox API (the sandbox itself names no provider).</summary>
    public static class AvanserSandboxExtensions
    {
        /// <summary>The Telco API's base (…/v1/), the WebAPI's (…/JSON) or the data feed's (…/feed/): the same as <c>sandbox.BaseUriFor("Avanser", endpoint)</c>.</summary>
        public static Uri AvanserBaseUri(this CallTrackingSandbox sandbox, string endpoint = AvanserEmulator.TelcoEndpoint)
        {
            if (sandbox is null) throw new ArgumentNullException(nameof(sandbox));
            return sandbox.BaseUriFor(AvanserEmulator.ProviderName, endpoint);
        }

        /// <summary>The AVANSER emulator (its state, computed calls and callback sender).</summary>
        public static AvanserEmulator Avanser(this CallTrackingSandbox sandbox)
        {
            if (sandbox is null) throw new ArgumentNullException(nameof(sandbox));
            var emulator = sandbox.Emulator<AvanserEmulator>();
            emulator.UseWebApiBase(sandbox.BaseUriFor(AvanserEmulator.ProviderName, AvanserEmulator.WebApiEndpoint));
            return emulator;
        }

        /// <summary>The AVANSER option object of these sandbox options (created with its defaults on first use).</summary>
        public static AvanserOptions Avanser(this SandboxOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            return options.For<AvanserOptions>();
        }

        /// <summary>Sends <paramref name="count"/> call callbacks to <paramref name="url"/> (e.g. a Receive-CallEvent listener).</summary>
        public static Task<IReadOnlyList<SandboxCallbackRecord>> SendAvanserCallbacksAsync(this CallTrackingSandbox sandbox, Uri url, int count, CancellationToken cancellationToken = default)
            => sandbox.Avanser().SendCallCallbacksAsync(url, count, cancellationToken);

        /// <summary>Sends <paramref name="count"/> SMS forwards to <paramref name="url"/>.</summary>
        public static Task<IReadOnlyList<SandboxCallbackRecord>> SendAvanserSmsForwardsAsync(this CallTrackingSandbox sandbox, Uri url, int count, CancellationToken cancellationToken = default)
            => sandbox.Avanser().SendSmsForwardsAsync(url, count, cancellationToken);
    }
}
