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
        private readonly string _message;

        public CallTrackingArgumentException(string parameterName, object? value, string allowed)
            : this(Format(parameterName, value, allowed), parameterName, value, allowed)
        {
        }

        private CallTrackingArgumentException(string message, string parameterName, object? value, string allowed)
            : base(message, parameterName)
        {
            _message = message;
            ParameterName = parameterName;
            Value = value is null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            Allowed = allowed;
        }

        public string ParameterName { get; }
        public string? Value { get; }
        public string Allowed { get; }

        /// <summary>True when the value is a connection to another provider than the parameters given are for.</summary>
        public bool IsProviderMismatch { get; private set; }

        /// <summary>
        /// Parameters or a piped object of one provider met a connection to another: <paramref name="message"/> says what
        /// came from which provider and what to do.
        /// </summary>
        public static CallTrackingArgumentException ProviderMismatch(string connection, string message)
            => new CallTrackingArgumentException(message, "Connection", connection, "a connection to the provider the values are for") { IsProviderMismatch = true };

        /// <summary>None of a group of parameters was given although one is needed: "Give at least one of -A, -B: why."</summary>
        public static CallTrackingArgumentException NothingGiven(IReadOnlyList<string> parameterNames, string why)
        {
            var names = string.Join(", ", parameterNames.Select(n => "-" + n));
            return new CallTrackingArgumentException("Give at least one of " + names + ": " + why + ".", parameterNames[0], null, "at least one of " + names);
        }

        public static CallTrackingArgumentException NotInSet(string parameterName, object? value, IEnumerable<string> allowed)
            => new CallTrackingArgumentException(parameterName, value, "one of: " + string.Join(", ", allowed));

        private static string Format(string parameterName, object? value, string allowed)
        {
            // Nothing given is not a bad value: say what is needed.
            if (value is null) return "-" + parameterName + " is needed: " + allowed + ".";
            return "-" + parameterName + " cannot be '" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) + "': allowed is " + allowed + ".";
        }

        /// <summary>
        /// The message alone: ArgumentException.Message appends the parameter name in the runtime's own words (.NET:
        /// " (Parameter 'X')"; .NET Framework, so Windows PowerShell: "\r\nParameter name: X", translated with the OS
        /// language), and the message already names it as the user types it.
        /// </summary>
        public override string Message => _message;
    }
}
