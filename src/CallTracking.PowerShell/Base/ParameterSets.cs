namespace CallTracking.PowerShell.Base
{
    /// <summary>Parameter-set names, named by purpose (docs/cmdlets.md); a provider's parameters join them or bring their own.</summary>
    public static class ParameterSets
    {
        /// <summary>A list with filters (the default set of the Get- cmdlets).</summary>
        public const string List = "List";
        /// <summary>One object by its id (or number).</summary>
        public const string ById = "ById";
        /// <summary>Objects piped from another cmdlet (checked to be of the right kind and provider).</summary>
        public const string InputObject = "InputObject";
        /// <summary>Connect-CallTracking to an account (the provider adds its credential sets).</summary>
        public const string Connect = "Connect";
        public const string Sandbox = "Sandbox";
        public const string Connection = "Connection";
        public const string Name = "Name";
        public const string Current = "Current";
    }
}
