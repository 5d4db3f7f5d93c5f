namespace CallTracking.Core.Model
{
    /// <summary>The call-tracking providers the module speaks to.</summary>
    public enum ProviderName
    {
        AvidTrak,
        TrackDrive,
        Avanser,
    }
}
