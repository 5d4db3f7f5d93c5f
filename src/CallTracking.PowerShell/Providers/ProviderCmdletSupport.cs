using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CallTracking.Core.Connections;
using CallTracking.Sandbox;

namespace CallTracking.PowerShell.Providers
{
    /// <summary>
    /// A provider's part of the PowerShell face: the parameter class it adds to each shared cmdlet, how Connect-CallTracking
    /// -Sandbox connects to its emulator, and its about topic. Registered once in <see cref="ProviderCmdletRegistry"/>.
    /// </summary>
    public abstract class ProviderCmdletSupport
    {
        /// <summary>The provider's name, as its core descriptor has it.</summary>
        public abstract string Provider { get; }

        /// <summary>The provider's parameter classes, each marked with the cmdlet(s) it extends ([CmdletParameters]).</summary>
        protected abstract IEnumerable<Type> ParameterClasses { get; }

        private Dictionary<string, ParameterSpec>? _specs;

        /// <summary>The parameters the provider adds to <paramref name="cmdletName"/> ("Get-CallLog"), or null.</summary>
        public ParameterSpec? ParametersFor(string cmdletName)
        {
            var specs = _specs ??= ReadSpecs();
            return specs.TryGetValue(cmdletName, out var spec) ? spec : null;
        }

        private Dictionary<string, ParameterSpec> ReadSpecs()
        {
            var specs = new Dictionary<string, ParameterSpec>(StringComparer.OrdinalIgnoreCase);
            foreach (var type in ParameterClasses)
            {
                foreach (var a in type.GetCustomAttributes<CmdletParametersAttribute>())
                {
                    if (!string.Equals(a.Provider, Provider, StringComparison.OrdinalIgnoreCase))
                        throw new InvalidOperationException(type.FullName + " declares parameters for " + a.Provider + ", not " + Provider + ".");
                    bool? pipeline = a.PipelineByPropertyName is null ? (bool?)null : bool.Parse(a.PipelineByPropertyName);
                    specs.Add(a.CmdletName, new ParameterSpec(type, a.ParameterSetName, pipeline));
                }
            }
            return specs;
        }

        /// <summary>Every cmdlet this provider adds parameters to.</summary>
        public IEnumerable<string> ExtendedCmdlets => (_specs ??= ReadSpecs()).Keys.ToList();

        /// <summary>
        /// Puts the provider's sandbox parameters (sizes of the generated data…) into the sandbox's options;
        /// <paramref name="parameters"/> are the provider's parameters of Connect-CallTracking -Sandbox or
        /// Start-CallTrackingSandbox, or null.
        /// </summary>
        public abstract void ConfigureSandbox(SandboxOptions options, ProviderParameters? parameters);

        /// <summary>
        /// The credential, settings and base URI a connection to this provider's emulator in <paramref name="sandbox"/> uses:
        /// the emulator's test credential (its further values, such as an account id, become settings), the first endpoint
        /// as the base URI and every further endpoint under its name.
        /// </summary>
        public void ConnectToSandbox(ConnectionOptions options, CallTrackingSandbox sandbox)
        {
            var emulator = EmulatorIn(sandbox);
            PrepareSandbox(sandbox);
            var credential = emulator.TestCredential;
            options.Credential = ProviderCredential.FromPlainText(credential.UserName, credential.Secret);
            foreach (var pair in credential.Parameters) options.Settings[pair.Key] = pair.Value;
            options.BaseUri = sandbox.BaseUriFor(Provider);
            // A provider with several APIs: each further endpoint by its name.
            for (var i = 1; i < emulator.Endpoints.Count; i++)
                options.EndpointBaseUris[emulator.Endpoints[i].Name] = sandbox.BaseUriFor(Provider, emulator.Endpoints[i].Name);
        }

        /// <summary>The base URI of this provider's emulator in <paramref name="sandbox"/> (in-process, or on loopback once started).</summary>
        public Uri SandboxBaseUri(CallTrackingSandbox sandbox)
        {
            EmulatorIn(sandbox);
            PrepareSandbox(sandbox);
            return sandbox.BaseUriFor(Provider);
        }

        /// <summary>Called with the built (and, for Start-CallTrackingSandbox, listening) sandbox before it is used, so an
        /// emulator can learn its own addresses (e.g. for links in its replies). Default: nothing.</summary>
        protected virtual void PrepareSandbox(CallTrackingSandbox sandbox)
        {
        }

        private ISandboxEmulator EmulatorIn(CallTrackingSandbox sandbox)
            => sandbox.Emulators.FirstOrDefault(e => string.Equals(e.Provider, Provider, StringComparison.OrdinalIgnoreCase)) ?? throw NoEmulator();

        /// <summary>The error for -Sandbox with a provider the sandbox does not emulate (yet).</summary>
        protected Core.Model.CallTrackingException NoEmulator()
            => new Core.Model.CallTrackingException(Provider, "Connect-CallTracking -Sandbox", Core.Model.CallTrackingErrorKind.NotSupported,
                "The sandbox has no " + Provider + " emulator in this release: -Sandbox works with " + string.Join(", ", SandboxEmulatorRegistry.BuiltIn.Count > 0 ? EmulatedProviders() : new[] { "none" }) + " (see the README's provider coverage).");

        private static IEnumerable<string> EmulatedProviders()
        {
            using var probe = new CallTrackingSandbox();
            return probe.Providers.ToList();
        }

        /// <summary>The help topic that documents every parameter of this provider.</summary>
        public virtual string AboutTopic => "about_CallTracking_" + Provider;

        public override string ToString() => Provider;
    }
}
