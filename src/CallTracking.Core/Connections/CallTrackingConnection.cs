using System;
using System.Net.Http;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.Core.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace CallTracking.Core.Connections
{
    /// <summary>
    /// One account at one provider: a pooled HttpClient built once through Microsoft.Extensions.Http (authentication →
    /// retry → logging → timeout → transport), and the provider's client. Shown to users by Get-CallTrackingConnection;
    /// nothing secret is reachable from it.
    /// </summary>
    public sealed class CallTrackingConnection : IDisposable
    {
        private readonly ServiceProvider _services;
        private readonly HttpClient _http;
        private readonly ProviderCredential _credential;
        private readonly IDisposable? _owned;
        private readonly TrackDriveClient? _trackDrive;
        private bool _disposed;

        private CallTrackingConnection(ConnectionOptions options, Uri baseUri)
        {
            Provider = options.Provider;
            Name = string.IsNullOrWhiteSpace(options.Name) ? options.Provider.ToString() : options.Name!.Trim();
            BaseUri = baseUri;
            MaxRetry = options.MaxRetry;
            Timeout = options.Timeout;
            IsSandbox = options.IsSandbox;
            DefaultCountry = options.DefaultCountry;
            _credential = options.Credential!;
            _owned = options.OwnedResource;
            UserName = _credential.UserName;

            var retry = new RetrySettings { MaxRetry = options.MaxRetry };
            if (options.RetryTiming != null)
            {
                retry.BaseDelay = options.RetryTiming.BaseDelay;
                retry.MaxDelay = options.RetryTiming.MaxDelay;
                retry.MaxTotalWait = options.RetryTiming.MaxTotalWait;
            }
            Retry = retry;

            var authenticator = CreateAuthenticator(options.Provider, _credential);
            var services = new ServiceCollection();
            var clientName = "CallTracking." + Id.ToString("N");
            var builder = services.AddHttpClient(clientName, c =>
                {
                    c.BaseAddress = baseUri;
                    c.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // per attempt, in TimeoutHandler
                    c.DefaultRequestHeaders.UserAgent.ParseAdd("CallTracking-PowerShell/" + typeof(CallTrackingConnection).Assembly.GetName().Version);
                })
                .AddHttpMessageHandler(() => new AuthenticationHandler(authenticator))
                .AddHttpMessageHandler(() => new RetryHandler(retry))
                .AddHttpMessageHandler(() => new LoggingHandler())
                .AddHttpMessageHandler(() => new TimeoutHandler(options.Timeout))
                .SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan)
                .RemoveAllLoggers(); // the factory's own loggers would write full URLs: ours redact
            if (options.PrimaryHandlerFactory != null) builder.ConfigurePrimaryHttpMessageHandler(options.PrimaryHandlerFactory);
            _services = services.BuildServiceProvider();
            _http = _services.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);

            var transport = new ApiTransport(Provider, _http, ScrubSecrets);
            if (Provider == ProviderName.TrackDrive) _trackDrive = new TrackDriveClient(transport, retry, DefaultCountry);
        }

        /// <summary>Opens a connection (no request is sent: the first cmdlet proves the credentials).</summary>
        public static CallTrackingConnection Open(ConnectionOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            return new CallTrackingConnection(options, ResolveBaseUri(options));
        }

        public Guid Id { get; } = Guid.NewGuid();
        public string Name { get; }
        public ProviderName Provider { get; }
        public Uri BaseUri { get; }
        /// <summary>Not secret: the credential's user name (TrackDrive public key, or "auth_token" for the token style).</summary>
        public string UserName { get; }
        public int MaxRetry { get; }
        public TimeSpan Timeout { get; }
        public bool IsSandbox { get; }
        public string DefaultCountry { get; }
        public DateTimeOffset ConnectedAt { get; } = DateTimeOffset.Now;
        public bool IsDisconnected => _disposed;
        internal RetrySettings Retry { get; }

        /// <summary>The TrackDrive client; an error naming the connection's provider when it is another.</summary>
        public TrackDriveClient TrackDrive => _trackDrive ?? throw WrongProvider(ProviderName.TrackDrive);

        /// <summary>The object a sandbox connection owns (the in-process sandbox), for Get-CallTrackingSandboxRequest.</summary>
        public object? SandboxInstance => IsSandbox ? _owned : null;

        public void EnsureProvider(ProviderName expected, string what)
        {
            if (_disposed) throw new ObjectDisposedException(Name, "The connection '" + Name + "' was disconnected.");
            if (Provider != expected)
                throw CallTrackingArgumentException.ProviderMismatch(Name + " (" + Provider + ")", "a " + expected + " connection for " + what + "; use the " + Provider + " parameters, or pass -Connection for a " + expected + " account");
        }

        private CallTrackingArgumentException WrongProvider(ProviderName expected)
            => CallTrackingArgumentException.ProviderMismatch(Name + " (" + Provider + ")", "a " + expected + " connection");

        private static Uri ResolveBaseUri(ConnectionOptions options)
        {
            if (options.BaseUri != null)
            {
                var u = options.BaseUri.AbsoluteUri;
                return new Uri(u.EndsWith("/", StringComparison.Ordinal) ? u : u + "/");
            }
            switch (options.Provider)
            {
                case ProviderName.TrackDrive:
                    if (string.IsNullOrWhiteSpace(options.Subdomain))
                        throw new CallTrackingArgumentException("Subdomain", options.Subdomain, "your TrackDrive account's subdomain (acme for https://acme.trackdrive.com), or -BaseUri");
                    if (Uri.CheckHostName(options.Subdomain + ".trackdrive.com") != UriHostNameType.Dns || options.Subdomain!.IndexOf('.') >= 0)
                        throw new CallTrackingArgumentException("Subdomain", options.Subdomain, "a DNS label such as acme");
                    return new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, TrackDriveApi.BaseUriTemplate, options.Subdomain!.Trim().ToLowerInvariant()));
                default:
                    throw new CallTrackingArgumentException("Provider", options.Provider, "TrackDrive (AvidTrak and AVANSER arrive in the next releases)");
            }
        }

        private static IRequestAuthenticator CreateAuthenticator(ProviderName provider, ProviderCredential credential)
        {
            switch (provider)
            {
                case ProviderName.TrackDrive: return new TrackDriveAuthenticator(credential);
                default: throw new CallTrackingArgumentException("Provider", provider, "TrackDrive (AvidTrak and AVANSER arrive in the next releases)");
            }
        }

        /// <summary>Removes this connection's secret from a provider's text before it reaches an exception.</summary>
        private string ScrubSecrets(string text)
            => SecretRedactor.RedactValues(text, new[] { _credential.UseSecret(s => s), _credential.UseSecret(Uri.EscapeDataString) });

        public override string ToString() => Name + " (" + Provider + ", " + BaseUri + ")";

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _http.Dispose();
            _services.Dispose();
            _credential.Dispose();
            _owned?.Dispose();
        }
    }
}
