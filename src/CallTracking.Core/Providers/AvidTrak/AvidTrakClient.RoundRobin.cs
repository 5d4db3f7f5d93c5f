using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;
using Ops = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Operations;
using RR = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.RoundRobin;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// Round robin [seed]: insert_round_robin (forwarding_number[], extension[], label[] paired by position),
    /// list_round_robin, edit_round_robin and delete_round_robin, each for one number's SID.
    /// </summary>
    public sealed partial class AvidTrakClient : IRoundRobin
    {
        private const string SidWhat = "a tracking number SID (PN…, from Get-TrackingNumber)";
        private const string ListIdWhat = "a round-robin list id (round_robin_list_id, from Get-RoundRobinTarget)";

        // ---- insert_round_robin -------------------------------------------------------------------------------------------

        public void Validate(RoundRobinAddition addition) => AdditionQuery(addition);

        public string Describe(RoundRobinAddition addition)
        {
            var (_, numbers) = AdditionQuery(addition);
            return "Add " + numbers.Count.ToString(CultureInfo.InvariantCulture) + " round-robin target(s): " + AvidTrakValues.Few(numbers)
                   + (addition.UseDefaultFirst.HasValue ? "; use the default number first: " + AvidTrakValues.YesNo(addition.UseDefaultFirst) : string.Empty);
        }

        /// <summary>insert_round_robin: never re-sent once it may have arrived (a repeat would add the targets twice).</summary>
        public async Task<IReadOnlyList<RoundRobinTarget>> AddTargetsAsync(RoundRobinAddition addition, CancellationToken cancellationToken)
        {
            var (query, _) = AdditionQuery(addition);
            var sid = addition.Sid!.Trim();
            var envelope = await CallAsync(Ops.InsertRoundRobin, query, sid, cancellationToken).ConfigureAwait(false);
            return envelope.Rows.Select(row => ReadTarget(row, sid, null)).ToList();
        }

        private (QueryBuilder Query, IReadOnlyList<string> Numbers) AdditionQuery(RoundRobinAddition addition)
        {
            if (addition is null) throw new System.ArgumentNullException(nameof(addition));
            var sid = AvidTrakValues.Id(addition.Sid, "Sid", SidWhat);
            var given = addition.ForwardNumber ?? System.Array.Empty<string>();
            if (given.Count == 0 || given.All(string.IsNullOrWhiteSpace))
                throw new CallTrackingArgumentException("ForwardNumber", null, "one or more receiving numbers (any form: +14105550100, (410) 555-0100)");
            var numbers = given.Select(n => AvidTrakValues.RequiredPhone(n, DefaultCountry, "ForwardNumber", "a receiving number for each position (an empty one cannot be paired)")).ToList();
            var extensions = addition.Extension ?? System.Array.Empty<string>();
            var labels = addition.Label ?? System.Array.Empty<string>();
            // [seed] the first forwarding_number[] belongs to the first label[]: lists that do not pair would shift every target.
            if (extensions.Count != 0 && extensions.Count != numbers.Count)
                throw Unpaired("Extension", extensions.Count, numbers.Count);
            if (labels.Count != 0 && labels.Count != numbers.Count)
                throw Unpaired("Label", labels.Count, numbers.Count);
            var q = new QueryBuilder().Add(RR.Sid, sid);
            foreach (var n in numbers) q.Add(AvidTrakApi.ArrayKey(RR.ForwardingNumber), n);
            foreach (var e in extensions) q.Add(AvidTrakApi.ArrayKey(RR.Extension), AvidTrakValues.Extension(e, "Extension") ?? string.Empty);
            foreach (var l in labels) q.Add(AvidTrakApi.ArrayKey(RR.Label), AvidTrakValues.Optional(l, "Label") ?? string.Empty);
            q.Add(RR.UseDefaultFirst, AvidTrakValues.YesNo(addition.UseDefaultFirst));
            return (q, numbers);
        }

        private static CallTrackingArgumentException Unpaired(string parameter, int count, int numbers)
            => new CallTrackingArgumentException(parameter, count.ToString(CultureInfo.InvariantCulture) + " value(s)",
                "none, or exactly one per -ForwardNumber (" + numbers.ToString(CultureInfo.InvariantCulture) + "), paired by position (use '' for a number without one)");

        // ---- list_round_robin ---------------------------------------------------------------------------------------------

        /// <summary>list_round_robin: the number's targets, Position 1, 2, … in the order AvidTrak lists (rings) them.</summary>
        public async Task<IReadOnlyList<RoundRobinTarget>> ListTargetsAsync(string sid, CancellationToken cancellationToken)
        {
            var id = AvidTrakValues.Id(sid, "Sid", SidWhat);
            var envelope = await CallAsync(Ops.ListRoundRobin, new QueryBuilder().Add(RR.Sid, id), id, cancellationToken).ConfigureAwait(false);
            return envelope.Rows.Select((row, i) => ReadTarget(row, id, i + 1)).ToList();
        }

        private RoundRobinTarget ReadTarget(IReadOnlyDictionary<string, object?> row, string sid, int? position)
        {
            var r = new AvidTrakRowReader(row, DefaultCountry);
            var target = new RoundRobinTarget(AvidTrakApi.ProviderName, r.Text(RR.ListId) ?? string.Empty, r.Text(RR.Sid) ?? sid)
            {
                Position = position,
                ForwardNumber = r.Phone(RR.ForwardingNumber),
                Extension = r.Text(RR.Extension),
                Label = r.Text(RR.Label),
                UseDefaultFirst = r.Flag(RR.UseDefaultFirst),
            };
            if (r.Raw is { } raw) target.Raw = raw;
            return target;
        }

        // ---- edit_round_robin -----------------------------------------------------------------------------------------------

        public void Validate(RoundRobinChange change) => ChangeQuery(change);

        public string Describe(RoundRobinChange change)
        {
            ChangeQuery(change);
            var parts = new List<string> { "receiving number " + AvidTrakValues.Phone(change.ForwardNumber, DefaultCountry, "ForwardNumber") };
            if (AvidTrakValues.Optional(change.Extension) is { } e) parts.Add("extension " + e);
            if (AvidTrakValues.Optional(change.Label) is { } l) parts.Add("label '" + l + "'");
            if (change.UseDefaultFirst.HasValue) parts.Add("use the default number first: " + AvidTrakValues.YesNo(change.UseDefaultFirst));
            return "Change the round-robin target to " + string.Join(", ", parts);
        }

        /// <summary>edit_round_robin: replaces the entry's number, extension and label (idempotent). The reply has no rows.</summary>
        public Task UpdateTargetAsync(RoundRobinChange change, CancellationToken cancellationToken)
            => CallAsync(Ops.EditRoundRobin, ChangeQuery(change), change.Sid!.Trim() + "/" + change.Id!.Trim(), cancellationToken);

        private QueryBuilder ChangeQuery(RoundRobinChange change)
        {
            if (change is null) throw new System.ArgumentNullException(nameof(change));
            var sid = AvidTrakValues.Id(change.Sid, "Sid", SidWhat);
            var id = AvidTrakValues.Id(change.Id, "Id", ListIdWhat);
            // [seed] edit_round_robin requires forwarding_number: an entry is always changed to a whole target.
            var number = AvidTrakValues.RequiredPhone(change.ForwardNumber, DefaultCountry, "ForwardNumber",
                "the entry's receiving number (edit_round_robin requires it; piping the target from Get-RoundRobinTarget keeps its current one)");
            var q = new QueryBuilder().Add(RR.Sid, sid).Add(RR.ListId, id).Add(RR.ForwardingNumber, number);
            if (AvidTrakValues.Extension(change.Extension, "Extension") is { } extension) q.Add(AvidTrakApi.ArrayKey(RR.Extension), extension); // [seed] extension[] here too
            q.Add(RR.Label, AvidTrakValues.Optional(change.Label, "Label"));
            q.Add(RR.UseDefaultFirst, AvidTrakValues.YesNo(change.UseDefaultFirst));
            return q;
        }

        // ---- delete_round_robin ---------------------------------------------------------------------------------------------

        public void Validate(RoundRobinRemoval removal) => RemovalQuery(removal);

        public string Describe(RoundRobinRemoval removal)
        {
            RemovalQuery(removal);
            return "Remove the round-robin target " + removal.Id!.Trim() + " (its number no longer rings it)";
        }

        /// <summary>delete_round_robin: never re-sent once it may have arrived.</summary>
        public Task RemoveTargetAsync(RoundRobinRemoval removal, CancellationToken cancellationToken)
            => CallAsync(Ops.DeleteRoundRobin, RemovalQuery(removal), removal.Sid!.Trim() + "/" + removal.Id!.Trim(), cancellationToken);

        private static QueryBuilder RemovalQuery(RoundRobinRemoval removal)
        {
            if (removal is null) throw new System.ArgumentNullException(nameof(removal));
            return new QueryBuilder().Add(RR.Sid, AvidTrakValues.Id(removal.Sid, "Sid", SidWhat)).Add(RR.ListId, AvidTrakValues.Id(removal.Id, "Id", ListIdWhat));
        }
    }
}
