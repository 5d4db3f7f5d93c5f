namespace CallTracking.Sandbox
{
    /// <summary>Builds one emulator for a new sandbox.</summary>
    public delegate ISandboxEmulator SandboxEmulatorFactory(SandboxContext context);
}
