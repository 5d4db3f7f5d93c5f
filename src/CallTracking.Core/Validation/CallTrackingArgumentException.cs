using System;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.Core.Validation
{
    /// <summary>
    /// Bad input found before any request is sent. The message names the parameter (as the PowerShell user types it), the
    /// value, and what is allowed.
    /// </summary>
    public sealed class CallTrackingArgumentException : ArgumentException
    {
        public CallTrackingArgumentException(string parameterName, object? value, string allowed)
            : base(Format(parameterName, value, allowed), parameterName)
        {
            ParameterName = parameterName;
            Value = value is null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            Allowed = allowed;
        }

        public string ParameterName { get; }
        public string? Value { get; }
        public string Allowed { get; }

        /// <summary>True when the value is a connection to another provider than the parameters given are for.</summary>
        public bool IsProviderMismatch { get; private set; }

        /// <summary>Parameters for one provider were given with a connection to another.</summary>
        public static CallTrackingArgumentException ProviderMismatch(string connection, string allowed)
            => new CallTrackingArgumentException("Connection", connection, allowed) { IsProviderMismatch = true };

        /// <summary>None of a group of parameters was given although one is needed: "Give at least one of -A, -B: why."</summary>
        public static CallTrackingArgumentException NothingGiven(IReadOnlyList<string> parameterNames, string why)
        {
            var names = string.Join(", ", parameterNames.Select(n => "-" + n));
            return new CallTrackingArgumentException(parameterNames[0], null, "at least one of " + names, "Give at least one of " + names + ": " + why + ".");
        }

        private CallTrackingArgumentException(string parameterName, object? value, string allowed, string message)
            : base(message, parameterName)
        {
            ParameterName = parameterName;
            Value = value is null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            Allowed = allowed;
        }

        public static CallTrackingArgumentException NotInSet(string parameterName, object? value, IEnumerable<string> allowed)
            => new CallTrackingArgumentException(parameterName, value, "one of: " + string.Join(", ", allowed));

        private static string Format(string parameterName, object? value, string allowed)
        {
            var shown = value is null ? "(null)" : "'" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) + "'";
            return "-" + parameterName + " cannot be " + shown + ": allowed is " + allowed + ".";
        }

        public override string Message => base.Message.Split(new[] { " (Parameter" }, StringSplitOptions.None).First();
    }
}
