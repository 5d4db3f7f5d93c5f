using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Providers;
using CallTracking.Core.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace CallTracking.Core.Connections
{
    /// <summary>
    /// One account at one provider: the provider's descriptor, its named APIs (each with a pooled HttpClient from
    /// Microsoft.Extensions.Http, handlers rotated after a finite lifetime), the executor that sends every request, and the
    /// provider's client. Cmdlets ask it for a capability. Shown to users by Get-CallTrackingConnection; nothing secret is
    /// reachable from it.
    /// </summary>
    public sealed class CallTrackingConnection : IDisposable
    {
        private readonly ServiceProvider _services;
        private readonly ProviderCredential? _credential;
        private readonly IReadOnlyList<SecretValue> _secrets;
        private readonly IRequestAuthenticator _authenticator;
        private readonly IDisposable? _owned;
        private readonly object _client;
        private bool _disposed;

        private CallTrackingConnection(ProviderDescriptor descriptor, ConnectionOptions options, IReadOnlyDictionary<string, Uri> baseUris)
        {
            Descriptor = descriptor;
            Provider = descriptor.Name;
            Name = string.IsNullOrWhiteSpace(options.Name) ? descriptor.Name : options.Name!.Trim();
            MaxRetry = options.MaxRetry;
            Timeout = options.Timeout;
            IsSandbox = options.IsSandbox;
            DefaultCountry = options.DefaultCountry!;
            _credential = options.Credential;
            _secrets = options.Secrets.Values.ToList();
            _owned = options.OwnedResource;
            UserName = descriptor.DescribeUser(options);

            var retry = new RetrySettings { MaxRetry = options.MaxRetry };
            if (options.RetryTiming != null)
            {
                retry.BaseDelay = options.RetryTiming.BaseDelay;
                retry.MaxDelay = options.RetryTiming.MaxDelay;
                retry.MaxTotalWait = options.RetryTiming.MaxTotalWait;
            }

            _authenticator = descriptor.CreateAuthenticator(options);
            var services = new ServiceCollection();
            var factoryNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in baseUris)
            {
                var clientName = "CallTracking." + Id.ToString("N") + "." + pair.Key;
                factoryNames[pair.Key] = clientName;
                var baseUri = pair.Value;
                var builder = services.AddHttpClient(clientName, c =>
                    {
                        c.BaseAddress = baseUri;
                        c.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // per attempt, in the executor
                        c.DefaultRequestHeaders.UserAgent.ParseAdd("CallTracking-PowerShell/" + typeof(CallTrackingConnection).Assembly.GetName().Version);
                    })
                    .AddHttpMessageHandler(() => new LoggingHandler())
                    .SetHandlerLifetime(options.HandlerLifetime)
                    .RemoveAllLoggers(); // the factory's own loggers would write full URLs: ours redact
                builder.ConfigurePrimaryHttpMessageHandler(options.PrimaryHandlerFactory ?? (() => new HttpClientHandler { AllowAutoRedirect = false }));
            }
            _services = services.BuildServiceProvider();
            var factory = _services.GetRequiredService<IHttpClientFactory>();
            var endpoints = new Dictionary<string, ApiEndpoint>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in baseUris)
            {
                var clientName = factoryNames[pair.Key];
                endpoints[pair.Key] = new ApiEndpoint(pair.Key, pair.Value, () => factory.CreateClient(clientName));
            }
            Endpoints = descriptor.Endpoints.Where(e => endpoints.ContainsKey(e.Name)).Select(e => endpoints[e.Name]).ToList();
            BaseUri = Endpoints.Count > 0 ? Endpoints[0].BaseUri : baseUris.Values.First();

            Executor = new ApiExecutor(descriptor.Name, endpoints, _authenticator, descriptor.CreateInterpreter(options), retry, options.Timeout, options.MaxResponseBytes, ScrubSecrets);
            var settings = new Dictionary<string, string>(options.Settings, StringComparer.OrdinalIgnoreCase);
            _client = descriptor.CreateClient(new ProviderSession(Executor, DefaultCountry, settings));
        }

        /// <summary>Opens a connection (no request is sent: the first cmdlet proves the credentials).</summary>
        public static CallTrackingConnection Open(ConnectionOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            var descriptor = ProviderRegistry.Get(options.Provider);
            options.Validate(descriptor.HomeCountry);
            descriptor.ValidateCredentials(options);
            var baseUris = descriptor.ResolveBaseUris(options);
            foreach (var uri in baseUris.Values) ConnectionOptions.EnsureSafeBaseUri(uri, "BaseUri");
            return new CallTrackingConnection(descriptor, options, baseUris);
        }

        public Guid Id { get; } = Guid.NewGuid();
        public string Name { get; }
        /// <summary>The provider's name as registered.</summary>
        public string Provider { get; }
        /// <summary>The provider as a plug-in (its APIs, operations, capabilities).</summary>
        public ProviderDescriptor Descriptor { get; }
        /// <summary>The base URI of the provider's first API.</summary>
        public Uri BaseUri { get; }
        /// <summary>Every API of the connection with its base URI (a provider may have two or more).</summary>
        public IReadOnlyList<ApiEndpoint> Endpoints { get; }
        /// <summary>Not secret: the credential's user name (a public key, a login, a token's name).</summary>
        public string UserName { get; }
        public int MaxRetry { get; }
        public TimeSpan Timeout { get; }
        public bool IsSandbox { get; }
        public string DefaultCountry { get; }
        public DateTimeOffset ConnectedAt { get; } = DateTimeOffset.Now;
        public bool IsDisconnected => _disposed;

        /// <summary>The executor every request of this connection goes through.</summary>
        public ApiExecutor Executor { get; }

        /// <summary>The provider's client (for tests and advanced scripts; cmdlets use <see cref="Capability{T}"/>).</summary>
        public object Client => _disposed ? throw Disconnected() : _client;

        /// <summary>The object a sandbox connection owns (the in-process sandbox), for Get-CallTrackingSandboxRequest.</summary>
        public object? SandboxInstance => IsSandbox ? _owned : null;

        /// <summary>True when the provider has the capability.</summary>
        public bool Supports<T>() where T : class => _client is T;

        /// <summary>
        /// The provider's implementation of a capability; a NotSupported error that names the provider and
        /// <paramref name="what"/> ("Get-CallReport") when it has none, a disconnected error after Disconnect-CallTracking.
        /// </summary>
        public T Capability<T>(string what) where T : class
        {
            if (_disposed) throw Disconnected();
            return _client as T ?? throw new CallTrackingException(Provider, what, CallTrackingErrorKind.NotSupported,
                Provider + " has no " + what + " (connection '" + Name + "'). Use a connection to a provider that has it (-Connection).");
        }

        /// <summary>Checks that a piped object or a parameter class belongs to this connection's provider.</summary>
        public void EnsureProvider(string provider, string what)
        {
            if (_disposed) throw Disconnected();
            if (!string.Equals(provider, Provider, StringComparison.OrdinalIgnoreCase))
                throw CallTrackingArgumentException.ProviderMismatch(Name + " (" + Provider + ")",
                    Capitalize(what) + " is from " + provider + ", but the connection '" + Name + "' is to " + Provider + ": pass -Connection with a connection to " + provider + ".");
        }

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        private ObjectDisposedException Disconnected() => new ObjectDisposedException(Name, "The connection '" + Name + "' was disconnected: run Connect-CallTracking again.");

        /// <summary>Removes this connection's secrets, in every form the authenticator knows, from a text before it is shown.</summary>
        private string ScrubSecrets(string text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            var forms = new List<string?>();
            if (_credential != null) forms.Add(_credential.UseSecret(s => s));
            foreach (var s in _secrets) forms.Add(s.Use(v => v));
            forms.AddRange(_authenticator.SecretForms());
            forms = forms.SelectMany(SecretRedactor.EncodedForms).Cast<string?>().ToList();
            // Longest first, so a secret inside a longer encoded form does not break that form's match.
            return SecretRedactor.RedactValues(text, forms.Where(f => !string.IsNullOrEmpty(f)).Distinct().OrderByDescending(f => f!.Length));
        }

        public override string ToString() => Name + " (" + Provider + ", " + BaseUri + ")";

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _services.Dispose();
            _credential?.Dispose();
            foreach (var s in _secrets) s.Dispose();
            (_authenticator as IDisposable)?.Dispose();
            _owned?.Dispose();
        }
    }
}
