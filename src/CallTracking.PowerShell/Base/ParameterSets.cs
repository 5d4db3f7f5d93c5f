namespace CallTracking.PowerShell.Base
{
    /// <summary>Parameter-set names, as docs/cmdlets.md names them.</summary>
    public static class ParameterSets
    {
        public const string TrackDrive = "TrackDrive";
        public const string TrackDriveList = "TrackDriveList";
        public const string TrackDriveById = "TrackDriveById";
        public const string Credential = "Credential";
        public const string Sandbox = "Sandbox";
        public const string Connection = "Connection";
        public const string Name = "Name";
        public const string Current = "Current";
    }
}
