using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CallTracking.Sandbox.AvidTrak
{
    internal sealed partial class AvidTrakMethods
    {
        /// <summary>set_forwarding: type sid = the sid[] numbers; pro = every number on an online channel (all but lite);
        /// lite = every number on the lite channel. Unassigned numbers are neither pro nor lite.</summary>
        private IReadOnlyList<AvidTrakRow>? SetForwarding(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var numbers = ForwardingTargets(caller, p);
            var forward = p.Phone("forward_number");
            var extension = p.OptionalExtension("extension") ?? "";
            foreach (var n in numbers)
            {
                n.ForwardNumber = forward;
                n.Extension = extension;
            }
            return null;
        }

        private IReadOnlyList<AvidTrakRow>? RemoveForwarding(AvidTrakAccount caller, AvidTrakParameters p)
        {
            foreach (var n in ForwardingTargets(caller, p))
            {
                n.ForwardNumber = "";
                n.Extension = "";
            }
            return null;
        }

        private static List<AvidTrakNumber> ForwardingTargets(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var type = p.Enum("type", AvidTrakCatalog.ForwardingTypes, required: true)!;
            if (type == "sid") return BatchSids(caller, p);
            var numbers = caller.NumberList.Where(n => type == "pro" ? n.IsPro : n.IsLite).ToList();
            if (numbers.Count == 0) throw new AvidTrakRefusal("No " + type + " numbers found");
            return numbers;
        }

        /// <summary>insert_round_robin: forwarding_number[] with extension[] and label[] paired by position, appended to the
        /// list of each SID (sid, or sid[] for a batch); one row per target added.</summary>
        private IReadOnlyList<AvidTrakRow>? InsertRoundRobin(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var numbers = SidOrSids(caller, p);
            var forwards = p.Array("forwarding_number");
            if (forwards.All(f => f.Trim().Length == 0)) throw AvidTrakRefusal.Missing("forwarding_number[]", AvidTrakParameters.PhoneRule);
            var targets = forwards.Select(f => AvidTrakParameters.Phone("forwarding_number[]", f)).ToList();
            var extensions = Paired(p.Array("extension"), "extension[]", targets.Count).Select(e => AvidTrakParameters.Extension("extension[]", e)).ToList();
            var labels = Paired(p.Array("label"), "label[]", targets.Count).Select(l => AvidTrakParameters.Text("label[]", l.Trim(), 100)).ToList();
            var useDefaultFirst = p.YesNo("use_default_first");

            var rows = new List<AvidTrakRow>();
            foreach (var n in numbers)
            {
                if (useDefaultFirst.HasValue) n.UseDefaultFirst = useDefaultFirst.Value;
                for (var i = 0; i < targets.Count; i++)
                {
                    var t = _state.NewTarget(targets[i], extensions[i], labels[i]);
                    n.RoundRobinList.Add(t);
                    rows.Add(RoundRobinRow(n, t));
                }
            }
            return rows;
        }

        private IReadOnlyList<AvidTrakRow>? ListRoundRobin(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var number = SingleSid(caller, p);
            return number.RoundRobinList.Select(t => RoundRobinRow(number, t)).ToList();
        }

        /// <summary>edit_round_robin: one target of the SID's list. The seed writes forwarding_number and label plain but
        /// extension[] as an array: each is read in either form (an array's first value).</summary>
        private IReadOnlyList<AvidTrakRow>? EditRoundRobin(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var number = SingleSid(caller, p);
            var target = Target(number, p);
            var forwardValue = PlainOrFirst(p, "forwarding_number");
            if (forwardValue is null || forwardValue.Trim().Length == 0) throw AvidTrakRefusal.Missing("forwarding_number", AvidTrakParameters.PhoneRule);
            var forward = AvidTrakParameters.Phone("forwarding_number", forwardValue);
            var extensionValue = PlainOrFirst(p, "extension");
            var extension = extensionValue is null ? null : AvidTrakParameters.Extension("extension[]", extensionValue);
            var labelValue = PlainOrFirst(p, "label");
            var label = labelValue is null ? null : AvidTrakParameters.Text("label", labelValue.Trim(), 100);
            var useDefaultFirst = p.YesNo("use_default_first");

            target.ForwardingNumber = forward;
            if (extension != null) target.Extension = extension;
            if (label != null) target.Label = label;
            if (useDefaultFirst.HasValue) number.UseDefaultFirst = useDefaultFirst.Value;
            return null;
        }

        private IReadOnlyList<AvidTrakRow>? DeleteRoundRobin(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var number = SingleSid(caller, p);
            number.RoundRobinList.Remove(Target(number, p));
            return null;
        }

        private static AvidTrakRoundRobinTarget Target(AvidTrakNumber number, AvidTrakParameters p)
        {
            var value = p.Required("round_robin_list_id", "an id from list_round_robin");
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                throw AvidTrakRefusal.Invalid("round_robin_list_id", value, "an id from list_round_robin");
            return number.RoundRobinList.FirstOrDefault(t => t.Id == id)
                ?? throw new AvidTrakRefusal("Round robin list id not found: " + value + " (for SID " + number.Sid + ")");
        }

        /// <summary>An optional array paired with forwarding_number[]: no more values than it has; the missing ones empty.</summary>
        private static List<string> Paired(List<string> values, string name, int count)
        {
            if (values.Count > count)
                throw new AvidTrakRefusal("Invalid value for " + name + ": " + values.Count.ToString(CultureInfo.InvariantCulture) + " values for "
                    + count.ToString(CultureInfo.InvariantCulture) + " forwarding_number[] (at most one per forwarding number, in the same order)");
            while (values.Count < count) values.Add("");
            return values;
        }

        private static string? PlainOrFirst(AvidTrakParameters p, string name) => p.Get(name) ?? p.Array(name).FirstOrDefault();

        private static AvidTrakRow RoundRobinRow(AvidTrakNumber n, AvidTrakRoundRobinTarget t) => new AvidTrakRow()
            .Add("round_robin_list_id", t.Id).Add("sid", n.Sid).Add("forwarding_number", t.ForwardingNumber).Add("extension", t.Extension)
            .Add("label", t.Label).Add("use_default_first", n.UseDefaultFirst ? "yes" : "no");
    }
}
