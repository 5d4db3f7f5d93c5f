using System;
using System.IO;
using System.Management.Automation;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;

namespace CallTracking.PowerShell.Errors
{
    /// <summary>
    /// Turns the core's exceptions into ErrorRecords with the ErrorIds and categories of docs/cmdlets.md. Messages come from
    /// the core, which builds them from redacted values only; nothing here adds request details.
    /// </summary>
    public static class ErrorMapper
    {
        /// <summary>True for the exceptions a cmdlet reports per item; anything else is a bug and stays terminating.</summary>
        public static bool IsItemFailure(Exception exception)
            => exception is CallTrackingException
               || exception is CallTrackingArgumentException
               || exception is OutFileException
               || exception is ObjectDisposedException;

        public static ErrorRecord ToErrorRecord(Exception exception, object? target)
        {
            if (exception is null) throw new ArgumentNullException(nameof(exception));
            string id;
            ErrorCategory category;
            string? action = null;
            switch (exception)
            {
                case CallTrackingArgumentException arg when arg.IsProviderMismatch:
                    id = ErrorIds.WrongProvider;
                    category = ErrorCategory.InvalidArgument;
                    action = "Pass -Connection with a connection to the provider these parameters are for (Get-CallTrackingConnection lists them).";
                    break;
                case CallTrackingArgumentException _:
                    id = ErrorIds.InvalidArgument;
                    category = ErrorCategory.InvalidArgument;
                    break;
                case CallTrackingException ct:
                    Map(ct, out id, out category, out action);
                    break;
                case ObjectDisposedException _:
                    id = ErrorIds.NoConnection;
                    category = ErrorCategory.ConnectionError;
                    action = "Run Connect-CallTracking again.";
                    break;
                case OutFileException _:
                    id = ErrorIds.OutFileFailed;
                    category = ErrorCategory.WriteError;
                    action = "Check that the folder exists and can be written (and -Force to overwrite a file that exists, where the cmdlet has it).";
                    break;
                default:
                    id = ErrorIds.ProviderFailure;
                    category = ErrorCategory.NotSpecified;
                    break;
            }
            var record = new ErrorRecord(exception, id, category, target);
            if (action != null) record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = action };
            return record;
        }

        private static void Map(CallTrackingException ex, out string id, out ErrorCategory category, out string? action)
        {
            switch (ex.Kind)
            {
                case CallTrackingErrorKind.Authentication:
                    id = ErrorIds.AuthenticationFailed;
                    category = ErrorCategory.AuthenticationError;
                    action = "Check the credential given to Connect-CallTracking" + (ex.Provider.Length > 0 ? " (Get-Help about_CallTracking_" + ex.Provider + " says what it takes)." : ".");
                    break;
                case CallTrackingErrorKind.NotFound:
                    id = ErrorIds.NotFound;
                    category = ErrorCategory.ObjectNotFound;
                    action = ex.HttpStatus == 404 && ex.Target is null ? "The provider has no such path: check -BaseUri (Get-CallTrackingConnection shows it)." : "Check the id; the Get- cmdlets list what exists.";
                    break;
                case CallTrackingErrorKind.InvalidArgument:
                    id = ErrorIds.InvalidArgument;
                    category = ErrorCategory.InvalidArgument;
                    action = null;
                    break;
                case CallTrackingErrorKind.Throttled:
                    id = ErrorIds.Throttled;
                    category = ErrorCategory.LimitsExceeded;
                    action = "The provider is rate limiting this account: wait, then retry (Connect-CallTracking -MaxRetry raises the automatic retries).";
                    break;
                case CallTrackingErrorKind.NotSupported:
                    id = ErrorIds.NotSupported;
                    category = ErrorCategory.NotImplemented;
                    action = "Use a connection to a provider that has this function (-Connection), or see the provider coverage in the README.";
                    break;
                case CallTrackingErrorKind.OutcomeUnknown:
                    id = ErrorIds.OutcomeUnknown;
                    category = ErrorCategory.InvalidResult;
                    action = "The request may have taken effect: check with Get-TrackingNumber or Get-CallLog before repeating it.";
                    break;
                default:
                    id = ErrorIds.ProviderFailure;
                    category = ex.HttpStatus.HasValue ? ErrorCategory.InvalidResult : ErrorCategory.ConnectionError;
                    action = ex.HttpStatus.HasValue ? "The provider failed; retry later." : "The provider could not be reached; check the network and the base URI, then retry.";
                    break;
            }
        }

        /// <summary>The terminating error for a cmdlet that needs a connection and has none.</summary>
        public static ErrorRecord NoConnection(string message)
        {
            var record = new ErrorRecord(new InvalidOperationException(message), ErrorIds.NoConnection, ErrorCategory.ConnectionError, null);
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Run Connect-CallTracking (or Connect-CallTracking -Provider <name> -Sandbox to try the module), or pass -Connection." };
            return record;
        }
    }
}
