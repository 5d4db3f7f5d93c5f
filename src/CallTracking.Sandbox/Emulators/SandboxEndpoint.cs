using System;

namespace CallTracking.Sandbox
{
    /// <summary>One API of an emulator: the path space it owns and where its base URI points inside it.</summary>
    public sealed class SandboxEndpoint
    {
        /// <param name="name">Short name, unique within the emulator (e.g. "api").</param>
        /// <param name="pathPrefix">Absolute path the emulator owns, e.g. "/api/v1/"; every request path starting with it
        /// goes to the emulator.</param>
        /// <param name="baseUriPath">The base URI relative to the server root, e.g. "api/v1/"; must lie under
        /// <paramref name="pathPrefix"/>.</param>
        public SandboxEndpoint(string name, string pathPrefix, string baseUriPath)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("An endpoint needs a name.", nameof(name));
            if (pathPrefix is null) throw new ArgumentNullException(nameof(pathPrefix));
            if (pathPrefix.Length < 2 || pathPrefix[0] != '/' || pathPrefix.IndexOfAny(new[] { '?', '#', ' ' }) >= 0)
                throw new ArgumentException("The path prefix must be an absolute path such as \"/api/v1/\" (got \"" + pathPrefix + "\").", nameof(pathPrefix));
            if (baseUriPath is null) throw new ArgumentNullException(nameof(baseUriPath));
            if (baseUriPath.StartsWith("/", StringComparison.Ordinal) || !("/" + baseUriPath).StartsWith(pathPrefix, StringComparison.Ordinal))
                throw new ArgumentException("The base URI path must be relative (no leading '/') and lie under the prefix \"" + pathPrefix
                    + "\" (got \"" + baseUriPath + "\").", nameof(baseUriPath));
            Name = name;
            PathPrefix = pathPrefix;
            BaseUriPath = baseUriPath;
        }

        public string Name { get; }
        public string PathPrefix { get; }
        public string BaseUriPath { get; }

        public bool Owns(string rawPath) => rawPath.StartsWith(PathPrefix, StringComparison.Ordinal);

        public override string ToString() => Name + " " + PathPrefix;
    }
}
