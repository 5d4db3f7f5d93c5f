using System;

namespace CallTracking.Sandbox
{
    public sealed class SandboxClockAdvancedEventArgs : EventArgs
    {
        public SandboxClockAdvancedEventArgs(DateTimeOffset from, DateTimeOffset to)
        {
            From = from;
            To = to;
        }

        public DateTimeOffset From { get; }
        public DateTimeOffset To { get; }
    }
}
