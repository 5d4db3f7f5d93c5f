using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Batching;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;
using Ops = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Operations;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// Changes to the account's numbers: assign_number (a channel for many numbers per request) and
    /// update_number_setting (one number per request) for Set-TrackingNumber, return_number (to telco or the agency) for
    /// Remove-TrackingNumber, transfer_number (to a client by its pin) for Move-TrackingNumber. Numbers are given by SID,
    /// or as +E164 numbers (looked up once per command).
    /// </summary>
    public sealed partial class AvidTrakClient : INumberSettings, IBatchNumberSettings, INumberRelease, IBatchNumberRelease, INumberTransfer
    {
        // ---- Set-TrackingNumber: assign_number + update_number_setting ---------------------------------------------------

        /// <summary>
        /// Rows that only change the channel share an assign_number request per channel (sid[]); a row that changes call
        /// settings is one update_number_setting request (its sid alone, [seed]), followed by assign_number for its channel.
        /// Both methods give the same result when repeated.
        /// </summary>
        public IBatchOperation<NumberChange> UpdateBatch()
        {
            var resolver = new SidResolver(this);
            return new BatchOperation<NumberChange>(AvidTrakApi.ProviderName, Ops.AssignNumber, "change numbers", AvidTrakApi.MaxArrayPerRequest)
            {
                ValidateRow = row => CheckUpdate(row),
                Key = row =>
                {
                    var (key, update) = CheckUpdate(row);
                    return update.HasSettings ? "settings|" + key + "|" + DescribeUpdate(update) : "channel|" + update.Channel;
                },
                Identifier = row => NumberKey(row.Id, "Id"),
                Result = row => new BatchResult(AvidTrakApi.ProviderName, "change numbers")
                {
                    Id = SafeKey(row.Id),
                    Number = SafeKey(row.Id) is string k && k.StartsWith("+", StringComparison.Ordinal) ? k : null,
                    Change = UpdateOf(row) is AvidTrakNumberUpdate u ? DescribeUpdate(u) : null,
                },
                Description = rows =>
                {
                    var (_, update) = CheckUpdate(rows[0]);
                    var keys = rows.Select(r => NumberKey(r.Id, "Id")).ToList();
                    var what = update.HasSettings ? "Update " + DescribeUpdate(update) + " (update_number_setting" + (update.Channel is null ? ")" : ", then assign_number)")
                        : "Assign to channel " + update.Channel + " (assign_number)";
                    return new BatchDescription(NumbersText(keys), what);
                },
                Send = async (rows, ct) =>
                {
                    var (_, update) = CheckUpdate(rows[0]);
                    var keys = rows.Select(r => NumberKey(r.Id, "Id")).ToList();
                    return await SendForSidsAsync(resolver, keys, async (sids, token) =>
                    {
                        if (update.HasSettings)
                            foreach (var sid in sids.Distinct(StringComparer.Ordinal)) await CallAsync(Ops.UpdateNumberSetting, SettingParameters(sid, update), sid, token).ConfigureAwait(false);
                        if (update.Channel != null)
                        {
                            var q = new QueryBuilder();
                            foreach (var sid in sids) q.Add(AvidTrakApi.SidArray, sid);
                            q.Add(AvidTrakApi.Type, update.Channel);
                            await CallAsync(Ops.AssignNumber, q, sids.Count == 1 ? sids[0] : Count(sids.Count, "number"), token).ConfigureAwait(false);
                        }
                    }, ct).ConfigureAwait(false);
                },
            };
        }

        private AvidTrakNumberUpdate? UpdateOf(NumberChange change) => AvidTrakOptions<AvidTrakNumberUpdate>(change.Options, "Set-TrackingNumber");

        /// <summary>The row's number key and its change with values in the seed's spelling; an argument error for a bad or empty change.</summary>
        private (string Key, AvidTrakNumberUpdate Update) CheckUpdate(NumberChange change)
        {
            var key = NumberKey(change.Id, "Id");
            var given = UpdateOf(change);
            if (given is null || (given.Channel is null && !given.HasSettings))
                throw CallTrackingArgumentException.NothingGiven(new[] { "Channel", "Recording", "GreetCaller", "WhisperMessage", "EnableEmail", "EmailAlert" },
                    "AvidTrak changes a number's channel (assign_number) or its call settings (update_number_setting)");
            var update = given.Copy();
            if (update.Channel != null) update.Channel = AvidTrakWire.Required(update.Channel, AvidTrakApi.Channels, "Channel");
            if (update.EmailAlerts != null)
                foreach (var address in update.EmailAlerts)
                    if (string.IsNullOrWhiteSpace(address) || address.IndexOf('@') <= 0 || address.IndexOf(',') >= 0 || address.Trim().IndexOf(' ') >= 0)
                        throw new CallTrackingArgumentException("EmailAlert", address, "e-mail addresses such as ops@example.com (several separated by ';' in a CSV cell)");
            return (key, update);
        }

        private static QueryBuilder SettingParameters(string sid, AvidTrakNumberUpdate u)
        {
            var q = new QueryBuilder().Add(AvidTrakApi.Sid, sid);
            if (u.Recording.HasValue) q.Add(AvidTrakApi.Recording, AvidTrakWire.Flag(u.Recording.Value));
            q.Add(AvidTrakApi.GreetCaller, u.GreetCaller).Add(AvidTrakApi.WhisperMessage, u.WhisperMessage);
            if (u.EnableEmail.HasValue) q.Add(AvidTrakApi.EnableEmail, AvidTrakWire.Flag(u.EnableEmail.Value));
            if (u.EmailAlerts != null) q.Add(AvidTrakApi.EmailAlerts, string.Join(",", u.EmailAlerts.Select(a => a.Trim())));
            return q;
        }

        private static string DescribeUpdate(AvidTrakNumberUpdate u)
        {
            var parts = new List<string>();
            if (u.Recording.HasValue) parts.Add(AvidTrakApi.Recording + "=" + AvidTrakWire.Flag(u.Recording.Value));
            if (u.GreetCaller != null) parts.Add(AvidTrakApi.GreetCaller + "='" + u.GreetCaller + "'");
            if (u.WhisperMessage != null) parts.Add(AvidTrakApi.WhisperMessage + "='" + u.WhisperMessage + "'");
            if (u.EnableEmail.HasValue) parts.Add(AvidTrakApi.EnableEmail + "=" + AvidTrakWire.Flag(u.EnableEmail.Value));
            if (u.EmailAlerts != null) parts.Add(AvidTrakApi.EmailAlerts + "=" + (u.EmailAlerts.Count == 0 ? "(none)" : string.Join(",", u.EmailAlerts)));
            if (u.Channel != null) parts.Add("channel=" + u.Channel);
            return string.Join(", ", parts);
        }

        /// <summary>The row's key for a result, never throwing (a bad value stays as given).</summary>
        private string? SafeKey(string? id)
        {
            try { return NumberKey(id, "Id"); }
            catch (CallTrackingArgumentException) { return string.IsNullOrWhiteSpace(id) ? null : id!.Trim(); }
        }

        async Task<TrackingNumber> INumberSettings.UpdateNumberAsync(NumberChange change, CancellationToken cancellationToken)
        {
            var reply = (await UpdateBatch().SendAsync(new[] { change }, cancellationToken).ConfigureAwait(false))[0];
            if (reply.Error != null) throw reply.Error;
            return await GetNumberAsync(change.Id, cancellationToken).ConfigureAwait(false);
        }

        void INumberSettings.Validate(NumberChange change) => CheckUpdate(change);

        string INumberSettings.Describe(NumberChange change) => DescribeUpdate(CheckUpdate(change).Update);

        // ---- Remove-TrackingNumber: return_number ---------------------------------------------------------------------------

        /// <summary>return_number: the numbers of one location in one request (sid[]); destroys state, so sent once.</summary>
        public IBatchOperation<NumberRelease> ReleaseBatch()
        {
            var resolver = new SidResolver(this);
            return new BatchOperation<NumberRelease>(AvidTrakApi.ProviderName, Ops.ReturnNumber, "return numbers", AvidTrakApi.MaxArrayPerRequest)
            {
                ValidateRow = row => CheckRelease(row),
                Key = row => CheckRelease(row).Location,
                Identifier = row => NumberKey(row.Id, "Id"),
                Result = row => new BatchResult(AvidTrakApi.ProviderName, "return numbers")
                {
                    Id = SafeKey(row.Id),
                    Number = SafeKey(row.Id) is string k && k.StartsWith("+", StringComparison.Ordinal) ? k : null,
                    Change = AvidTrakOptions<AvidTrakRelease>(row.Options, "Remove-TrackingNumber")?.Location is string l ? AvidTrakApi.Location + "=" + l.Trim().ToLowerInvariant() : null,
                },
                Description = rows => new BatchDescription(NumbersText(rows.Select(r => NumberKey(r.Id, "Id")).ToList()), DescribeRelease(CheckRelease(rows[0]).Location, rows.Count)),
                Send = (rows, ct) =>
                {
                    var location = CheckRelease(rows[0]).Location;
                    return SendForSidsAsync(resolver, rows.Select(r => NumberKey(r.Id, "Id")).ToList(), (sids, token) =>
                    {
                        var q = new QueryBuilder();
                        foreach (var sid in sids) q.Add(AvidTrakApi.SidArray, sid);
                        q.Add(AvidTrakApi.Location, location);
                        return CallAsync(Ops.ReturnNumber, q, sids.Count == 1 ? sids[0] : Count(sids.Count, "number"), token);
                    }, ct);
                },
            };
        }

        private (string Key, string Location) CheckRelease(NumberRelease release)
        {
            var key = NumberKey(release.Id, "Id");
            var location = AvidTrakOptions<AvidTrakRelease>(release.Options, "Remove-TrackingNumber")?.Location;
            // [seed] the default is telco, which deletes the number for good: the module never sends it unless asked.
            if (string.IsNullOrWhiteSpace(location))
                throw new CallTrackingArgumentException("Location", null, "where the number goes: telco (deleted for good: a number returned to telco cannot be re-acquired) or agency (back to the agency account)");
            return (key, AvidTrakWire.Required(location, AvidTrakApi.Locations, "Location"));
        }

        private static string DescribeRelease(string location, int count)
            => location == AvidTrakApi.Telco
                ? "Return " + Count(count, "number") + " to telco: DELETED FOR GOOD (a number returned to telco cannot be re-acquired) (return_number)"
                : "Return " + Count(count, "number") + " to the agency account (return_number)";

        async Task<TrackingNumber?> INumberRelease.ReleaseNumberAsync(NumberRelease release, CancellationToken cancellationToken)
        {
            var reply = (await ReleaseBatch().SendAsync(new[] { release }, cancellationToken).ConfigureAwait(false))[0];
            if (reply.Error != null) throw reply.Error;
            return null; // return_number answers no row
        }

        void INumberRelease.Validate(NumberRelease release) => CheckRelease(release);

        string INumberRelease.Describe(NumberRelease release) => DescribeRelease(CheckRelease(release).Location, 1);

        // ---- Move-TrackingNumber: transfer_number ---------------------------------------------------------------------------

        /// <summary>transfer_number: the numbers going to one client in one request (sid[] + client_pin); sent once.</summary>
        public IBatchOperation<NumberTransfer> TransferBatch()
        {
            var resolver = new SidResolver(this);
            return new BatchOperation<NumberTransfer>(AvidTrakApi.ProviderName, Ops.TransferNumber, "move numbers", AvidTrakApi.MaxArrayPerRequest)
            {
                ValidateRow = row => CheckTransfer(row),
                Key = row => PinFingerprint(CheckTransfer(row).Transfer.ClientPin!),
                Identifier = row => NumberKey(row.Id, "Id"),
                Result = row => new BatchResult(AvidTrakApi.ProviderName, "move numbers")
                {
                    Id = SafeKey(row.Id),
                    Number = SafeKey(row.Id) is string k && k.StartsWith("+", StringComparison.Ordinal) ? k : null,
                    Change = "to " + (AvidTrakOptions<AvidTrakTransfer>(row.Options, "Move-TrackingNumber")?.ToString() ?? "a client"),
                },
                Description = rows =>
                {
                    var transfer = CheckTransfer(rows[0]).Transfer;
                    return new BatchDescription(NumbersText(rows.Select(r => NumberKey(r.Id, "Id")).ToList()), "Move " + Count(rows.Count, "number") + " to " + transfer + " (transfer_number)");
                },
                Send = (rows, ct) =>
                {
                    var transfer = CheckTransfer(rows[0]).Transfer;
                    return SendForSidsAsync(resolver, rows.Select(r => NumberKey(r.Id, "Id")).ToList(), (sids, token) => TransferAsync(sids, transfer.ClientPin!, token), ct);
                },
            };
        }

        private (string Key, AvidTrakTransfer Transfer) CheckTransfer(NumberTransfer transfer)
        {
            var key = NumberKey(transfer.Id, "Id");
            var options = AvidTrakOptions<AvidTrakTransfer>(transfer.Options, "Move-TrackingNumber");
            if (options?.ClientPin is null || options.ClientPin.IsEmpty)
                throw CallTrackingArgumentException.NothingGiven(new[] { "Client", "ClientPin" }, "AvidTrak moves numbers to the client account whose pincode is given (a client from Get-CallTrackingClient, or its pin as a SecureString)");
            return (key, options);
        }

        /// <summary>A stable key for a pin that shows nothing of it (rows for one client share a request).</summary>
        private static string PinFingerprint(SecretValue pin)
            => pin.Use(p =>
            {
                using var sha = SHA256.Create();
                return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(p)));
            });

        /// <summary>transfer_number; the client pin is in the query only for the request, and in no message that comes back.</summary>
        private async Task TransferAsync(IReadOnlyList<string> sids, SecretValue clientPin, CancellationToken cancellationToken)
        {
            var q = new QueryBuilder();
            foreach (var sid in sids) q.Add(AvidTrakApi.SidArray, sid);
            var forms = clientPin.Use(p => SecretRedactor.EncodedForms(p).Distinct().OrderByDescending(f => f.Length).ToList());
            clientPin.Use(p => q.Add(AvidTrakApi.ClientPin, p));
            try
            {
                await CallAsync(Ops.TransferNumber, q, sids.Count == 1 ? sids[0] : Count(sids.Count, "number"), cancellationToken).ConfigureAwait(false);
            }
            catch (CallTrackingException ex)
            {
                throw WithoutSecret(ex, forms);
            }
            finally
            {
                forms.Clear();
            }
        }

        /// <summary>The error with every form of a per-request secret (a client pin the server echoed) masked.</summary>
        private static CallTrackingException WithoutSecret(CallTrackingException ex, IReadOnlyList<string> forms)
        {
            string? Clean(string? s) => s is null ? null : SecretRedactor.RedactValues(s, forms);
            var inner = ex.InnerException is null ? null : Clean(ex.InnerException.ToString()) == ex.InnerException.ToString() ? ex.InnerException : new System.IO.IOException(Clean(ex.InnerException.GetType().Name + ": " + ex.InnerException.Message));
            return new CallTrackingException(ex.Provider, ex.Operation, ex.Kind, Clean(ex.Message)!, ex.HttpStatus, Clean(ex.ProviderCode), Clean(ex.ProviderMessage), inner)
            {
                Target = Clean(ex.Target),
                NotSent = ex.NotSent,
            };
        }
    }
}
