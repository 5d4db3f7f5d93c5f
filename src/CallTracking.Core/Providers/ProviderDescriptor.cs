using System;
using System.Collections.Generic;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;

namespace CallTracking.Core.Providers
{
    /// <summary>
    /// A provider as a plug-in: its named APIs, how its requests are authenticated and its replies judged, which names
    /// carry secrets, its operations, and the client that implements its capabilities. Registered once in
    /// <see cref="ProviderRegistry"/>; nothing outside the provider's folder knows more of it than this.
    /// </summary>
    public abstract class ProviderDescriptor
    {
        /// <summary>The name users type (Connect-CallTracking -Provider <name>) and records carry.</summary>
        public abstract string Name { get; }

        /// <summary>One line on what it is, for completion and help.</summary>
        public abstract string Description { get; }

        /// <summary>Its APIs; the first is the one -BaseUri overrides.</summary>
        public abstract IReadOnlyList<EndpointDefinition> Endpoints { get; }

        /// <summary>Query parameters, form fields and headers whose values are secrets (added to <see cref="SecretNames"/>).</summary>
        public abstract IReadOnlyCollection<string> SecretNames { get; }

        /// <summary>Every operation, with its safety (a test checks that each request names one of these).</summary>
        public abstract IReadOnlyList<ApiOperation> Operations { get; }

        /// <summary>
        /// The base URI of each API for these options: an override (completed or refused with a message that says what it
        /// should look like), or the provider's default (which may need a setting, such as an account subdomain).
        /// </summary>
        public abstract IReadOnlyDictionary<string, Uri> ResolveBaseUris(ConnectionOptions options);

        /// <summary>Checks the credentials and settings, before anything is sent.</summary>
        public abstract void ValidateCredentials(ConnectionOptions options);

        /// <summary>The authenticator of one connection (it may cache a token).</summary>
        public abstract IRequestAuthenticator CreateAuthenticator(ConnectionOptions options);

        /// <summary>How replies are judged (an error inside an HTTP 200, the provider's error body).</summary>
        public abstract IResponseInterpreter CreateInterpreter(ConnectionOptions options);

        /// <summary>The client of one connection; it implements the capability interfaces the provider supports.</summary>
        public abstract object CreateClient(ProviderSession session);

        /// <summary>The country of numbers typed without a country code when the connection names none (-DefaultCountry).</summary>
        public virtual string HomeCountry => "US";

        /// <summary>What the connection shows as its user (never a secret).</summary>
        public virtual string DescribeUser(ConnectionOptions options) => options.Credential?.UserName ?? string.Empty;

        public override string ToString() => Name;
    }

    /// <summary>What a provider's client gets from its connection.</summary>
    public sealed class ProviderSession
    {
        public ProviderSession(ApiExecutor executor, string defaultCountry, IReadOnlyDictionary<string, string> settings)
        {
            Executor = executor;
            DefaultCountry = defaultCountry;
            Settings = settings;
        }

        public ApiExecutor Executor { get; }
        public string DefaultCountry { get; }
        public IReadOnlyDictionary<string, string> Settings { get; }
    }
}
