using System;
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

        /// <summary>The parameters the provider adds to <paramref name="cmdletName"/> ("Get-CallLog"), or null.</summary>
        public abstract ParameterSpec? ParametersFor(string cmdletName);

        /// <summary>
        /// Puts the provider's sandbox parameters (sizes of the generated data…) into the sandbox's options;
        /// <paramref name="parameters"/> are the provider's parameters of Connect-CallTracking -Sandbox or
        /// Start-CallTrackingSandbox, or null.
        /// </summary>
        public abstract void ConfigureSandbox(SandboxOptions options, ProviderParameters? parameters);

        /// <summary>The credential and base URI a connection to this provider's emulator in <paramref name="sandbox"/> uses.</summary>
        public abstract void ConnectToSandbox(ConnectionOptions options, CallTrackingSandbox sandbox);

        /// <summary>The base URI of this provider's emulator in <paramref name="sandbox"/> (in-process, or on loopback once started).</summary>
        public abstract Uri SandboxBaseUri(CallTrackingSandbox sandbox);

        /// <summary>The help topic that documents every parameter of this provider.</summary>
        public virtual string AboutTopic => "about_CallTracking_" + Provider;

        public override string ToString() => Provider;
    }
}
