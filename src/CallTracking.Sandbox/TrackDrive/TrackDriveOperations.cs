namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>Operation names, spelled as the core names its requests, so a fault rule reads the same on both sides.</summary>
    public static class TrackDriveOperations
    {
        public const string ListCalls = "TrackDrive.ListCalls";
        public const string GetCall = "TrackDrive.GetCall";
        public const string HangUpCall = "TrackDrive.HangUpCall";
        public const string GetCallReport = "TrackDrive.GetCallReport";
        public const string GetCallStatistics = "TrackDrive.GetCallStatistics";
        public const string ListPhoneNumbers = "TrackDrive.ListPhoneNumbers";
        public const string GetPhoneNumber = "TrackDrive.GetPhoneNumber";
        public const string PurchasePhoneNumber = "TrackDrive.PurchasePhoneNumber";
        public const string UpdatePhoneNumber = "TrackDrive.UpdatePhoneNumber";
        public const string UnrentPhoneNumber = "TrackDrive.UnrentPhoneNumber";
        public const string ExportCalls = "TrackDrive.ExportCalls";
        public const string ExportCallReport = "TrackDrive.ExportCallReport";
        public const string ExportPhoneNumbers = "TrackDrive.ExportPhoneNumbers";
    }
}
