using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Model;
using CallTracking.Core.Paging;
using CallTracking.Core.Threading;
using CallTracking.PowerShell.Errors;
using CallTracking.PowerShell.Providers;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// Infrastructure every CallTracking cmdlet shares: a CancellationToken cancelled by Ctrl+C (StopProcessing), async core
    /// work run through <see cref="PipelinePump"/> so that Write* only ever happens on the pipeline thread, -Verbose request
    /// lines, Write-Progress from pagers, per-item error mapping, the WhatIf/Force/Confirm decision, and the provider's own
    /// parameters as dynamic parameters (chosen by <see cref="DynamicParameterProvider"/>). Cmdlets that work through a
    /// connection derive from <see cref="CallTrackingCmdlet"/>, which adds -Connection.
    /// </summary>
    public abstract class CallTrackingCmdletBase : PSCmdlet, IDynamicParameters
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private static int _nextActivityId = 1000;
        private int _progressActivityId;
        private string? _progressActivity;
        private RuntimeDefinedParameterDictionary? _dynamic;

        /// <summary>Cancelled when the user presses Ctrl+C or a downstream command stops the pipeline.</summary>
        protected CancellationToken StopToken => _stop.Token;

        /// <summary>"Verb-Noun" of this cmdlet, from its [Cmdlet] attribute (MyInvocation is not always set yet).</summary>
        protected string CommandName
        {
            get
            {
                var attribute = (CmdletAttribute?)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute));
                return attribute is null ? GetType().Name : attribute.VerbName + "-" + attribute.NounName;
            }
        }

        // ---- Provider parameters (dynamic) -------------------------------------------------------------------------

        /// <summary>The provider whose parameters this invocation offers; null when none (no connection yet, say).</summary>
        protected virtual string? DynamicParameterProvider() => null;

        /// <summary>The provider support behind the dynamic parameters of this invocation (null when none).</summary>
        protected ProviderCmdletSupport? ProviderSupport { get; private set; }

        /// <summary>What the provider adds to this cmdlet (null when nothing).</summary>
        protected ParameterSpec? ProviderSpec { get; private set; }

        public object? GetDynamicParameters()
        {
            ProviderSupport = ProviderCmdletRegistry.Find(DynamicParameterProvider());
            ProviderSpec = ProviderSupport?.ParametersFor(CommandName);
            _dynamic = DynamicParameters.Build(ProviderSpec);
            return _dynamic;
        }

        /// <summary>The provider's parameters with the values bound for the current pipeline object (null when it has none).</summary>
        protected ProviderParameters? BoundProviderParameters()
            => ProviderSpec is null || _dynamic is null ? null : DynamicParameters.Materialize(ProviderSpec, _dynamic, MyInvocation.BoundParameters);

        /// <summary>
        /// Arguments no parameter took: another provider's parameter is a WrongProvider error that names the provider; with
        /// no connection at all, the missing connection is the error; anything else is PowerShell's own "not found".
        /// </summary>
        protected void RejectUnknownArguments(Func<ErrorRecord?>? whenNoProvider = null)
        {
            if (_dynamic is null || !_dynamic.TryGetValue(DynamicParameters.RemainingArguments, out var rest) || !rest.IsSet) return;
            var tokens = (rest.Value as object[] ?? Array.Empty<object>()).Select(t => t is PSObject p ? p.BaseObject : t).ToList();
            var name = tokens.OfType<string>().FirstOrDefault(t => t.Length > 1 && t[0] == '-' && !char.IsDigit(t[1]));
            if (name is null)
            {
                var first = tokens.FirstOrDefault();
                ThrowTerminatingError(new ErrorRecord(new ParameterBindingException("A positional parameter cannot be found that accepts argument '" + first + "'."),
                    "PositionalParameterNotFound", ErrorCategory.InvalidArgument, first));
            }
            var parameter = name!.TrimStart('-').TrimEnd(':');
            var others = ProviderCmdletRegistry.All
                .Where(s => !ReferenceEquals(s, ProviderSupport))
                .Where(s => s.ParametersFor(CommandName) is ParameterSpec spec && DynamicParameters.Find(spec.ParametersType, parameter) != null)
                .Select(s => s.Provider).ToList();
            if (ProviderSupport is null && whenNoProvider?.Invoke() is ErrorRecord none) ThrowTerminatingError(none);
            if (others.Count > 0)
            {
                var message = "-" + parameter + " is a parameter of " + CommandName + " for " + string.Join(" and ", others)
                              + (ProviderSupport is null ? string.Empty : ", but " + ProviderChoice(ProviderSupport.Provider))
                              + ": " + OtherProviderRemedy(others[0]) + ", or leave it out.";
                var record = new ErrorRecord(new ArgumentException(message), ErrorIds.WrongProvider, ErrorCategory.InvalidArgument, parameter);
                record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = OtherProviderAction(others[0]) };
                ThrowTerminatingError(record);
            }
            ThrowTerminatingError(new ErrorRecord(new ParameterBindingException("A parameter cannot be found that matches parameter name '" + parameter + "'."),
                "NamedParameterNotFound", ErrorCategory.InvalidArgument, parameter));
        }

        // For the WrongProvider message: how this invocation got its provider and how to choose another. Here -Provider
        // chooses (Connect-CallTracking, Start-CallTrackingSandbox); CallTrackingCmdlet speaks of -Connection.
        protected virtual string ProviderChoice(string current) => "the provider here is " + current + " (-Provider)";
        protected virtual string OtherProviderRemedy(string other) => "use -Provider " + other;
        protected virtual string OtherProviderAction(string other) => CommandName + " -Provider " + other + " …";

        // ---- Async work on the pipeline thread -----------------------------------------------------------------------

        /// <summary>What to report when arguments are left over and no provider is known (CallTrackingCmdlet: no connection).</summary>
        protected virtual ErrorRecord? NoProviderError() => null;

        protected override void BeginProcessing()
        {
            RejectUnknownArguments(NoProviderError);
            base.BeginProcessing();
        }

        protected override void StopProcessing()
        {
            try { _stop.Cancel(); } catch (ObjectDisposedException) { }
            base.StopProcessing();
        }

        protected override void EndProcessing()
        {
            CompleteProgress();
            base.EndProcessing();
        }

        private bool _verboseUnavailable;

        /// <summary>
        /// WriteVerbose that never costs the work: when verbose output would prompt ($VerbosePreference = 'Inquire') and
        /// the host cannot prompt (-NonInteractive, a runbook, a job), the host's refusal stops verbose output for this
        /// invocation instead of failing a request that succeeded. 'Stop' and a user's Halt still stop the command.
        /// </summary>
        protected void WriteVerboseLine(string message) => WriteUnlessRefused(() => WriteVerbose(message), ref _verboseUnavailable);

        private bool _warningUnavailable;

        /// <summary>WriteWarning that never costs the work, as <see cref="WriteVerboseLine"/> (a warning that would prompt in a host that cannot).</summary>
        protected void WriteWarningLine(string message) => WriteUnlessRefused(() => WriteWarning(message), ref _warningUnavailable);

        /// <summary>Writes to a stream; the host's refusal to prompt for it turns that stream off for this invocation.</summary>
        private static void WriteUnlessRefused(Action write, ref bool unavailable)
        {
            if (unavailable) return;
            try { write(); }
            catch (Exception ex) when (IsHostRefusal(ex))
            {
                unavailable = true;
            }
        }

        /// <summary>The host would not (or could not) take the write: no prompt in this host, a closed pipeline's streams.</summary>
        protected static bool IsHostRefusal(Exception ex)
            => ex is NotSupportedException || ex is PSInvalidOperationException || ex is System.Management.Automation.Host.HostException || ex is NotImplementedException;

        /// <summary>A pump owned by the current (pipeline) thread; verbose, warnings and progress reach PowerShell through it.</summary>
        protected PipelinePump CreatePump(string? activity = null)
            => new PipelinePump(WriteVerboseLine, activity is null ? (Action<PageProgress>?)null : p => ShowProgress(activity, p), WriteWarningLine);

        /// <summary>Runs async core work, pumping its verbose output onto this thread while it waits.</summary>
        protected T RunAsync<T>(Func<CancellationToken, Task<T>> work, string? activity = null)
        {
            var pump = CreatePump(activity);
            return pump.Run(work, StopToken);
        }

        /// <summary>Runs async core work that reports page progress (CSV exports), shown as Write-Progress.</summary>
        protected T RunAsync<T>(Func<Action<PageProgress>, CancellationToken, Task<T>> work, string activity)
        {
            var pump = CreatePump(activity);
            var observer = pump.ProgressObserver;
            return pump.Run(ct => work(observer, ct), StopToken);
        }

        /// <summary>Streams an async sequence one item at a time on this thread (write each as it arrives).</summary>
        protected IEnumerable<T> StreamAsync<T>(Func<Action<PageProgress>, CancellationToken, IAsyncEnumerable<T>> source, string activity)
        {
            var pump = CreatePump(activity);
            return pump.Stream(source(pump.ProgressObserver, StopToken), StopToken);
        }

        /// <summary>
        /// Runs one unit of work (one item, one query). A failure the user can act on becomes a non-terminating error for
        /// that item; Ctrl+C becomes PipelineStoppedException (no error record); anything else is a bug and propagates.
        /// Returns false when the work failed.
        /// </summary>
        protected bool TryProcess(Action work, object? target) => TryProcessReporting(work, ex => WriteItemError(ex, target));

        /// <summary>
        /// As <see cref="TryProcess(Action, object?)"/>, with the failure handed to <paramref name="report"/> (a cmdlet that
        /// adds a recommendation to the error record). Named apart from TryProcess so that TryProcess(work, null) never binds here.
        /// </summary>
        protected bool TryProcessReporting(Action work, Action<Exception> report)
        {
            try
            {
                work();
                return true;
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (OperationCanceledException ex)
            {
                // Not ours: a cancellation from below that is not a timeout the core already reported.
                report(new CallTrackingException(string.Empty, CommandName, CallTrackingErrorKind.ProviderFailure, "The request was cancelled before it completed: " + ex.Message, null, null, null, ex));
                return false;
            }
            catch (Exception ex) when (ErrorMapper.IsItemFailure(ex))
            {
                report(ex);
                return false;
            }
            finally
            {
                CompleteProgress();
            }
        }

        /// <summary>Writes a non-terminating error with the ErrorId and category of docs/cmdlets.md.</summary>
        protected void WriteItemError(Exception exception, object? target)
            => WriteError(ErrorMapper.ToErrorRecord(exception, target));

        /// <summary>
        /// WhatIf beats Force beats Confirm: under -WhatIf (or $WhatIfPreference) prints "What if" and returns false; with
        /// -Force returns true without asking; otherwise ShouldProcess decides (prompting per ConfirmImpact).
        /// </summary>
        protected bool ShouldChange(string target, string action, bool force)
        {
            if (force && !WhatIfRequested())
            {
                WriteVerboseLine("Performing the operation \"" + action + "\" on target \"" + target + "\" (-Force).");
                return true;
            }
            return ShouldProcess(target, action);
        }

        /// <summary>True under -WhatIf (or $WhatIfPreference): ShouldProcess will print "What if" and refuse.</summary>
        protected bool WhatIfRequested()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound))
                return bound is SwitchParameter sp ? sp.IsPresent : LanguagePrimitives.IsTrue(bound);
            var preference = SessionState?.PSVariable.GetValue("WhatIfPreference");
            return preference != null && LanguagePrimitives.IsTrue(preference);
        }

        /// <summary>True when the parameter was given (on the command line or from the pipeline), even as -X:$false.</summary>
        protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        private void ShowProgress(string activity, PageProgress progress)
        {
            if (!progress.TotalCount.HasValue || progress.TotalCount.Value <= 0) return;
            var total = progress.TotalCount.Value;
            if (_progressActivityId == 0) _progressActivityId = Interlocked.Increment(ref _nextActivityId);
            _progressActivity = activity;
            // A new record each time: hosts and $ps.Streams.Progress keep the records they are given.
            WriteProgress(new ProgressRecord(_progressActivityId, activity, "Received " + progress.Received + " of " + total + " (page " + progress.PageNumber + ")")
            {
                PercentComplete = (int)Math.Min(100, progress.Received * 100 / total),
                RecordType = ProgressRecordType.Processing,
            });
        }

        private void CompleteProgress()
        {
            if (_progressActivityId == 0) return;
            var done = new ProgressRecord(_progressActivityId, _progressActivity ?? "CallTracking", "Done") { PercentComplete = 100, RecordType = ProgressRecordType.Completed };
            _progressActivityId = 0;
            try { WriteProgress(done); } catch (PipelineStoppedException) { }
        }
    }
}
