using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// Retries through a Polly pipeline: exponential backoff with jitter, Retry-After honoured in both forms, bounded by
    /// MaxRetry and by a cap on the total wait, cancellable during any wait. Each attempt's body is buffered inside the
    /// retry scope, so a body cut off mid-way is retried (for reads) instead of surfacing as a parse error later.
    /// </summary>
    public sealed class RetryHandler : DelegatingHandler
    {
        private static readonly ResiliencePropertyKey<RequestOperation> OperationKey = new ResiliencePropertyKey<RequestOperation>("ct.operation");
        private static readonly ResiliencePropertyKey<TimeSpan> WaitedKey = new ResiliencePropertyKey<TimeSpan>("ct.waited");
        private static readonly ResiliencePropertyKey<TimeSpan> NextDelayKey = new ResiliencePropertyKey<TimeSpan>("ct.nextDelay");
        internal const string AttemptProperty = "CallTracking.Attempt";

        private readonly RetrySettings _settings;
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
        private readonly Func<DateTimeOffset> _now;
        private readonly Random _jitter = new Random();

        public RetryHandler(RetrySettings settings, Func<DateTimeOffset>? now = null)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            _now = now ?? (() => DateTimeOffset.UtcNow);
            _pipeline = settings.MaxRetry <= 0 ? ResiliencePipeline<HttpResponseMessage>.Empty : Build();
        }

        private ResiliencePipeline<HttpResponseMessage> Build()
        {
            var options = new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _settings.MaxRetry,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome, args.AttemptNumber)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(NextDelayKey, TimeSpan.Zero)),
                OnRetry = args =>
                {
                    var op = args.Context.Properties.GetValue(OperationKey, null!);
                    var reason = args.Outcome.Result != null ? "HTTP " + (int)args.Outcome.Result.StatusCode : args.Outcome.Exception?.GetType().Name ?? "failure";
                    args.Outcome.Result?.Dispose();
                    RequestDiagnostics.Current?.OnRetry(op?.Name ?? "request", args.AttemptNumber + 2, args.RetryDelay, reason);
                    return default;
                },
            };
            return new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(options).Build();
        }

        private bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, int attemptNumber)
        {
            var op = context.Properties.GetValue(OperationKey, null!);
            var userCancelled = context.CancellationToken.IsCancellationRequested;
            var response = outcome.Result;
            if (response != null && response.IsSuccessStatusCode) return false;
            if (!RetryClassifier.IsRetryable(op.Safety, response, outcome.Exception, userCancelled)) return false;

            var waited = context.Properties.GetValue(WaitedKey, TimeSpan.Zero);
            var left = _settings.MaxTotalWait - waited;
            var retryAfter = RetryClassifier.RetryAfter(response, _now());
            TimeSpan delay;
            if (retryAfter.HasValue)
            {
                // The server said when: waiting less would be refused again; waiting beyond the cap is not ours to do.
                if (retryAfter.Value > left) return false;
                delay = retryAfter.Value;
            }
            else
            {
                var exponential = TimeSpan.FromTicks(Math.Min(_settings.MaxDelay.Ticks, _settings.BaseDelay.Ticks * (1L << Math.Min(attemptNumber, 20))));
                double factor;
                lock (_jitter) factor = 0.5 + _jitter.NextDouble() / 2; // "equal jitter": between half and all of the backoff
                delay = TimeSpan.FromTicks((long)(exponential.Ticks * factor));
                if (delay > left) delay = left;
                if (left <= TimeSpan.Zero) return false;
            }
            context.Properties.Set(NextDelayKey, delay);
            context.Properties.Set(WaitedKey, waited + delay);
            return true;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(OperationKey, RequestOperation.Of(request));
            var attempt = 0;
            try
            {
                var outcome = await _pipeline.ExecuteOutcomeAsync(
                    async (ctx, state) =>
                    {
                        attempt++;
#pragma warning disable CS0618
                        state.Properties[AttemptProperty] = attempt;
#pragma warning restore CS0618
                        HttpResponseMessage? response = null;
                        try
                        {
                            response = await base.SendAsync(state, ctx.CancellationToken).ConfigureAwait(false);
                            if (response.Content != null && !(response.Content is BufferedBody))
                            {
                                var original = response.Content;
                                response.Content = await BufferedBody.LoadAsync(original, ctx.CancellationToken).ConfigureAwait(false);
                                original.Dispose();
                            }
                            return Outcome.FromResult(response);
                        }
                        catch (Exception ex)
                        {
                            response?.Dispose();
                            return Outcome.FromException<HttpResponseMessage>(ex);
                        }
                    },
                    context,
                    request).ConfigureAwait(false);
                outcome.ThrowIfException();
                return outcome.Result!;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
    }
}
