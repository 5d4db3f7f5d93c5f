using System;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// One function of a provider's API, declared in the provider's definitions file: its name, the named API (endpoint)
    /// it goes to, what it does in words, and how safe it is to send again. Every request names its operation; nothing
    /// guesses safety from the HTTP verb (an RPC API may buy numbers with GET).
    /// </summary>
    public sealed class ApiOperation
    {
        public const string DefaultEndpoint = "Default";

        public ApiOperation(string name, OperationSafety safety, string description, string endpoint = DefaultEndpoint)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("An operation needs a name.", nameof(name));
            Name = name;
            Safety = safety;
            Description = string.IsNullOrWhiteSpace(description) ? name : description;
            Endpoint = string.IsNullOrWhiteSpace(endpoint) ? DefaultEndpoint : endpoint;
        }

        /// <summary>The provider's name, a dot, the function.</summary>
        public string Name { get; }
        public OperationSafety Safety { get; }
        /// <summary>What it does, for messages: "list calls", "buy a number".</summary>
        public string Description { get; }
        /// <summary>The name of the API it is sent to (providers with one API use <see cref="DefaultEndpoint"/>).</summary>
        public string Endpoint { get; }

        public override string ToString() => Name;
    }
}
