using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using CallTracking.Core.Connections;

namespace CallTracking.PowerShell.Session
{
    /// <summary>
    /// The connections made by Connect-CallTracking, by name (case-insensitive), and the current one that cmdlets use when
    /// -Connection is not given — per runspace. A binary module's statics are shared by every runspace of the process, so
    /// without the runspace key, `ForEach-Object -Parallel { Connect-CallTracking … }` would have each runspace replace (and
    /// dispose) the others' connections of the same name and steal their "current" one. A connection object itself can
    /// still be passed to any runspace with -Connection.
    /// </summary>
    internal static class ConnectionRegistry
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<Guid, RunspaceConnections> ByRunspace = new Dictionary<Guid, RunspaceConnections>();

        private sealed class RunspaceConnections
        {
            public readonly Dictionary<string, CallTrackingConnection> ByName = new Dictionary<string, CallTrackingConnection>(StringComparer.OrdinalIgnoreCase);
            public CallTrackingConnection? Current;
        }

        /// <summary>The runspace running the calling cmdlet (the pipeline thread's default runspace).</summary>
        private static Guid RunspaceKey => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

        private static RunspaceConnections Mine(bool create)
        {
            var key = RunspaceKey;
            if (ByRunspace.TryGetValue(key, out var state) || !create) return state ?? new RunspaceConnections();
            state = new RunspaceConnections();
            ByRunspace[key] = state;
            // A runspace that ends (ForEach-Object -Parallel, a job, a runbook's worker) takes its connections with it:
            // nothing else would ever dispose their sockets, handlers and sandboxes.
            var runspace = Runspace.DefaultRunspace;
            if (runspace != null) runspace.StateChanged += OnRunspaceStateChanged;
            return state;
        }

        private static void OnRunspaceStateChanged(object? sender, RunspaceStateEventArgs e)
        {
            var state = e.RunspaceStateInfo.State;
            if (!(sender is Runspace runspace) || (state != RunspaceState.Closed && state != RunspaceState.Broken)) return;
            runspace.StateChanged -= OnRunspaceStateChanged;
            DisposeRunspace(runspace.InstanceId);
        }

        public static CallTrackingConnection? Current
        {
            get { lock (Gate) return Mine(false).Current; }
        }

        /// <summary>Registers <paramref name="connection"/> under its name and makes it current; one of the same name is disposed.</summary>
        public static void Register(CallTrackingConnection connection)
        {
            CallTrackingConnection? replaced = null;
            lock (Gate)
            {
                var mine = Mine(true);
                if (mine.ByName.TryGetValue(connection.Name, out var old) && !ReferenceEquals(old, connection)) replaced = old;
                mine.ByName[connection.Name] = connection;
                mine.Current = connection;
            }
            replaced?.Dispose();
        }

        public static IReadOnlyList<CallTrackingConnection> All
        {
            get { lock (Gate) return Mine(false).ByName.Values.OrderBy(c => c.ConnectedAt).ToList(); }
        }

        public static CallTrackingConnection? Find(string name)
        {
            lock (Gate) return Mine(false).ByName.TryGetValue(name, out var c) ? c : null;
        }

        /// <summary>
        /// Forgets and disposes the connection (and the sandbox it owns). When it was current, the most recently made live
        /// connection left becomes current, so the next cmdlet still has one.
        /// </summary>
        public static CallTrackingConnection? Remove(CallTrackingConnection connection)
        {
            CallTrackingConnection? current;
            lock (Gate)
            {
                var mine = Mine(false);
                if (mine.ByName.TryGetValue(connection.Name, out var registered) && ReferenceEquals(registered, connection)) mine.ByName.Remove(connection.Name);
                if (ReferenceEquals(mine.Current, connection))
                    mine.Current = mine.ByName.Values.Where(c => !c.IsDisconnected && !ReferenceEquals(c, connection)).OrderByDescending(c => c.ConnectedAt).FirstOrDefault();
                current = mine.Current;
            }
            connection.Dispose();
            return current;
        }

        /// <summary>Is <paramref name="connection"/> the current one of this runspace?</summary>
        public static bool IsCurrent(CallTrackingConnection connection)
        {
            lock (Gate) return ReferenceEquals(Mine(false).Current, connection);
        }

        /// <summary>Remove-Module: forgets and disposes this runspace's connections; other runspaces keep theirs.</summary>
        public static void Clear() => DisposeRunspace(RunspaceKey);

        private static void DisposeRunspace(Guid key)
        {
            List<CallTrackingConnection> all;
            lock (Gate)
            {
                if (!ByRunspace.TryGetValue(key, out var mine)) return;
                ByRunspace.Remove(key);
                all = mine.ByName.Values.ToList();
                if (mine.Current != null && !all.Contains(mine.Current)) all.Add(mine.Current);
            }
            foreach (var c in all)
            {
                try { c.Dispose(); } catch (Exception) { /* module removal or the runspace's end goes on */ }
            }
        }
    }
}
