using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>AvidTrak's pincode, a query parameter of every call [seed]; unwrapped only while the URL is built.</summary>
    public sealed class AvidTrakAuthenticator : IRequestAuthenticator
    {
        private readonly ProviderCredential _pincode;

        public AvidTrakAuthenticator(ProviderCredential pincode) => _pincode = pincode ?? throw new ArgumentNullException(nameof(pincode));

        public Task ApplyAsync(AuthenticationContext context, CancellationToken cancellationToken)
        {
            _pincode.UseSecret(pin => { context.AddQueryParameter(AvidTrakApi.Pincode, pin); return true; });
            return Task.CompletedTask;
        }

        /// <summary>A pincode does not expire: a refusal means it is wrong.</summary>
        public bool Invalidate(string endpoint) => false;

        public IEnumerable<string> SecretForms() => new[] { _pincode.UseSecret(s => s), _pincode.UseSecret(Uri.EscapeDataString) };
    }
}
