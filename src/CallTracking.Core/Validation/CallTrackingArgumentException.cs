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
