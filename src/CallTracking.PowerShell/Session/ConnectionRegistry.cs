using System;
using System.Collections.Generic;
using System.Linq;
using CallTracking.Core.Connections;

namespace CallTracking.PowerShell.Session
{
    /// <summary>
    /// The connections made by Connect-CallTracking in this process, by name (case-insensitive), and the current one that
    /// cmdlets use when -Connection is not given. Thread-safe: runspaces of one process share it.
    /// </summary>
    internal static class ConnectionRegistry
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, CallTrackingConnection> ByName = new Dictionary<string, CallTrackingConnection>(StringComparer.OrdinalIgnoreCase);
        private static CallTrackingConnection? _current;

        public static CallTrackingConnection? Current
        {
            get { lock (Gate) return _current; }
        }

        /// <summary>Registers <paramref name="connection"/> under its name and makes it current; one of the same name is disposed.</summary>
        public static void Register(CallTrackingConnection connection)
        {
            CallTrackingConnection? replaced = null;
            lock (Gate)
            {
                if (ByName.TryGetValue(connection.Name, out var old) && !ReferenceEquals(old, connection)) replaced = old;
                ByName[connection.Name] = connection;
                _current = connection;
            }
            replaced?.Dispose();
        }

        public static IReadOnlyList<CallTrackingConnection> All
        {
            get { lock (Gate) return ByName.Values.OrderBy(c => c.ConnectedAt).ToList(); }
        }

        public static CallTrackingConnection? Find(string name)
        {
            lock (Gate) return ByName.TryGetValue(name, out var c) ? c : null;
        }

        /// <summary>Forgets and disposes the connection (and the sandbox it owns); clears Current when it was current.</summary>
        public static void Remove(CallTrackingConnection connection)
        {
            lock (Gate)
            {
                if (ByName.TryGetValue(connection.Name, out var registered) && ReferenceEquals(registered, connection)) ByName.Remove(connection.Name);
                if (ReferenceEquals(_current, connection)) _current = null;
            }
            connection.Dispose();
        }

        public static void Clear()
        {
            List<CallTrackingConnection> all;
            lock (Gate)
            {
                all = ByName.Values.ToList();
                if (_current != null && !all.Contains(_current)) all.Add(_current);
                ByName.Clear();
                _current = null;
            }
            foreach (var c in all)
            {
                try { c.Dispose(); } catch (Exception) { /* module removal goes on */ }
            }
        }
    }
}
