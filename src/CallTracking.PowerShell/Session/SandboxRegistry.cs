using System;
using System.Collections.Generic;
using System.Linq;
using CallTracking.Sandbox;

namespace CallTracking.PowerShell.Session
{
    /// <summary>The loopback sandboxes started by Start-CallTrackingSandbox in this process.</summary>
    internal static class SandboxRegistry
    {
        private static readonly object Gate = new object();
        private static readonly List<CallTrackingSandbox> Started = new List<CallTrackingSandbox>();

        public static void Add(CallTrackingSandbox sandbox)
        {
            lock (Gate) if (!Started.Contains(sandbox)) Started.Add(sandbox);
        }

        public static IReadOnlyList<CallTrackingSandbox> All
        {
            get { lock (Gate) return Started.ToList(); }
        }

        public static void Remove(CallTrackingSandbox sandbox)
        {
            lock (Gate) Started.Remove(sandbox);
        }

        public static void StopAll()
        {
            List<CallTrackingSandbox> all;
            lock (Gate)
            {
                all = Started.ToList();
                Started.Clear();
            }
            foreach (var s in all)
            {
                try { s.Dispose(); } catch (Exception) { /* module removal goes on */ }
            }
        }
    }
}
