using System;
using System.Management.Automation;
using CallTracking.Core.Connections;
using CallTracking.PowerShell.Session;

namespace CallTracking.PowerShell.Transformations
{
    /// <summary>-Connection takes a connection object or the name of one of this session's connections.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ConnectionTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = StrictTransformationAttribute.Unwrap(inputData);
            switch (value)
            {
                case null: return null;
                case CallTrackingConnection c: return c;
                case string name:
                    return ConnectionRegistry.Find(name.Trim())
                           ?? throw new ArgumentTransformationMetadataException("There is no connection named '" + name + "' in this session: Get-CallTrackingConnection lists them (connected: " + Names() + ").");
                default:
                    throw new ArgumentTransformationMetadataException("-Connection takes a connection (from Connect-CallTracking -PassThru or Get-CallTrackingConnection) or a connection's name, not a " + value.GetType().Name + ".");
            }
        }

        private static string Names()
        {
            var names = string.Join(", ", System.Linq.Enumerable.Select(ConnectionRegistry.All, c => c.Name));
            return names.Length == 0 ? "none" : names;
        }
    }
}
