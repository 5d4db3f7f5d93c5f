using System.Net.Http;

namespace CallTracking.Core.Http
{
    /// <summary>Adds a provider's credentials to a request (query parameter, header or body field).</summary>
    public interface IRequestAuthenticator
    {
        void Apply(HttpRequestMessage request);
    }

    /// <summary>Applies the connection's authenticator to every request, as late as possible before logging.</summary>
    public sealed class AuthenticationHandler : DelegatingHandler
    {
        private readonly IRequestAuthenticator _authenticator;

        public AuthenticationHandler(IRequestAuthenticator authenticator) => _authenticator = authenticator;

        protected override System.Threading.Tasks.Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            _authenticator.Apply(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
