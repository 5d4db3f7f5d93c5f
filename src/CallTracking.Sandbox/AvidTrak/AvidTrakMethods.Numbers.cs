using System;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.Sandbox.AvidTrak
{
    internal sealed partial class AvidTrakMethods
    {
        private static readonly string TollRule = "a toll-free prefix: " + AvidTrakCatalog.Join(AvidTrakCatalog.TollPrefixes);
        private const string LocalRule = "a 3-digit area code such as 410";

        /// <summary>search_number: up to quantity numbers of the area code that nobody owns (the inventory is finite).</summary>
        private IReadOnlyList<AvidTrakRow>? SearchNumber(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var quantity = p.Integer("quantity", 1, 30);
            var numberType = p.Enum("number_type", AvidTrakCatalog.NumberTypes, required: true)!;
            var country = Country(p);
            var area = AreaCode(p.Required("area_code", numberType == "toll" ? TollRule : LocalRule), numberType, country);
            var fee = _state.PriceOf(numberType);
            var (city, state) = AvidTrakSandboxState.PlaceOf(area);
            var region = city.Length == 0 ? state : state.Length == 0 ? city : city + ", " + state;
            return _state.AvailableLocked(area, quantity)
                .Select(n => new AvidTrakRow().Add("number", n).Add("number_type", numberType).Add("area_code", area).Add("country", country)
                    .Add("region", region).Add("monthly_fee", fee))
                .ToList();
        }

        /// <summary>purchase_number: all or nothing; each number costs the price of its type (balance checked for the whole batch).</summary>
        private IReadOnlyList<AvidTrakRow>? PurchaseNumber(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var numberType = p.Enum("number_type", AvidTrakCatalog.NumberTypes, required: true)!;
            var country = Country(p);
            var given = p.Array("number");
            if (given.All(n => n.Trim().Length == 0)) throw AvidTrakRefusal.Missing("number[]", "numbers from search_number, as number[]=4101234567&number[]=…");
            var digits = new List<string>();
            foreach (var value in given)
            {
                var d = AvidTrakParameters.Phone("number[]", value);
                var area = d.Substring(0, 3);
                var toll = AvidTrakCatalog.IsToll(area);
                if (toll != (numberType == "toll"))
                    throw AvidTrakRefusal.Invalid("number[]", value, "a " + numberType + " number, as number_type says");
                if (!toll && AvidTrakCatalog.CanadianAreaCodes.Contains(area) != (country == "CA"))
                    throw AvidTrakRefusal.Invalid("number[]", value, "a number of country " + country);
                if (digits.Contains(d)) throw AvidTrakRefusal.Invalid("number[]", value, "each number once");
                if (!_state.IsAvailable(d)) throw new AvidTrakRefusal("Number not available: " + d);
                digits.Add(d);
            }
            var cost = _state.PriceOf(numberType) * digits.Count;
            if (caller.Balance < cost) throw new AvidTrakRefusal("Insufficient balance");

            caller.Balance -= cost;
            var rows = new List<AvidTrakRow>();
            foreach (var d in digits)
            {
                var number = _state.NewNumber(d, country, Now);
                caller.NumberList.Add(number);
                rows.Add(new AvidTrakRow().Add("sid", number.Sid).Add("number", number.Number).Add("number_type", number.NumberType)
                    .Add("area_code", number.AreaCode).Add("country", number.Country));
            }
            return rows;
        }

        /// <summary>transfer_number (agency only): the SIDs, the agency's own or its clients', go to the client whose pincode is client_pin.</summary>
        private IReadOnlyList<AvidTrakRow>? TransferNumber(AvidTrakAccount caller, AvidTrakParameters p)
        {
            RequireAgency(caller, "transfer_number");
            var sids = p.Array("sid");
            var pin = p.Get("client_pin");
            if (pin is null || pin.Trim().Length == 0) throw AvidTrakRefusal.Missing("client_pin", "the pincode of a client of this agency");
            // Never echo a pin: the status names the parameter only.
            var target = _state.FindByPincode(pin.Trim());
            if (target is null || target.Agency != caller) throw new AvidTrakRefusal("Invalid value for client_pin (the pincode of a client of this agency)");
            if (sids.All(s => s.Trim().Length == 0)) throw AvidTrakRefusal.Missing("sid[]", AvidTrakParameters.SidRule);
            var family = _state.AccountList.Where(a => a == caller || a.Agency == caller).ToList();
            var moves = new List<(AvidTrakAccount From, AvidTrakNumber Number)>();
            foreach (var sid in sids)
            {
                var s = sid.Trim();
                var found = family.SelectMany(a => a.NumberList.Where(n => n.Sid == s).Select(n => (From: a, Number: n))).FirstOrDefault();
                if (found.Number is null) throw AvidTrakRefusal.InvalidSid(sid);
                if (!moves.Any(m => m.Number == found.Number)) moves.Add(found);
            }
            foreach (var (from, number) in moves) Move(from, target, number);
            return null;
        }

        /// <summary>assign_number: the channel of each SID (a lite account assigns lite only).</summary>
        private IReadOnlyList<AvidTrakRow>? AssignNumber(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var numbers = BatchSids(caller, p);
            var type = p.Enum("type", AvidTrakCatalog.Channels, required: true)!;
            if (caller.AccountType == "lite" && type != "lite")
                throw AvidTrakRefusal.Invalid("type", type, "a lite account tracks offline numbers only: lite");
            foreach (var n in numbers) n.Channel = type;
            return null;
        }

        private IReadOnlyList<AvidTrakRow>? ListNumbers(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var numberType = p.Enum("number_type", AvidTrakCatalog.NumberTypes, required: false);
            var assignment = p.Enum("assignment_type", AvidTrakCatalog.AssignmentTypes, required: false) ?? "all";
            var area = p.Get("area_code")?.Trim();
            if (area != null && area.Length > 0 && (area.Length != 3 || !area.All(char.IsDigit)))
                throw AvidTrakRefusal.Invalid("area_code", area, "a 3-digit area code such as 410, or a toll-free prefix such as 800");
            return caller.NumberList
                .Where(n => numberType is null || n.NumberType == numberType)
                .Where(n => assignment == "all" || (assignment == "assigned") == (n.Channel.Length > 0))
                .Where(n => string.IsNullOrEmpty(area) || n.AreaCode == area)
                .Select(NumberRow).ToList();
        }

        /// <summary>return_number: to agency (a client under an agency only) moves the SIDs to it; to telco (the default)
        /// deletes them for good.</summary>
        private IReadOnlyList<AvidTrakRow>? ReturnNumber(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var numbers = BatchSids(caller, p);
            var location = p.Enum("location", AvidTrakCatalog.Locations, required: false) ?? "telco";
            if (location == "agency" && caller.Agency is null)
                throw AvidTrakRefusal.Invalid("location", "agency", "agency only for a client under an agency; this account can return to telco");
            foreach (var n in numbers)
            {
                if (location == "agency") Move(caller, caller.Agency!, n);
                else
                {
                    Detach(caller, n);
                    _state.Retire(n);
                }
            }
            return null;
        }

        private IReadOnlyList<AvidTrakRow>? UpdateNumberSetting(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var number = SingleSid(caller, p);
            var recording = p.ZeroOne("recording");
            var greet = p.Get("greet_caller");
            var whisper = p.Get("whisper_message");
            var enableEmail = p.ZeroOne("enable_email");
            var alerts = p.Get("email_alerts");
            if (recording is null && greet is null && whisper is null && enableEmail is null && alerts is null)
                throw new AvidTrakRefusal("Provide at least one parameter: recording, greet_caller, whisper_message, enable_email, email_alerts");
            if (greet != null) greet = AvidTrakParameters.Text("greet_caller", greet.Trim(), 500);
            if (whisper != null) whisper = AvidTrakParameters.Text("whisper_message", whisper.Trim(), 500);
            if (alerts != null)
                alerts = string.Join(",", alerts.Split(',').Select(a => a.Trim()).Where(a => a.Length > 0).Select(a => AvidTrakParameters.Email("email_alerts", a)));

            if (recording.HasValue) number.Recording = recording.Value;
            if (greet != null) number.GreetCaller = greet;
            if (whisper != null) number.WhisperMessage = whisper;
            if (enableEmail.HasValue) number.EnableEmail = enableEmail.Value;
            if (alerts != null) number.EmailAlerts = alerts;
            return null;
        }

        private static string Country(AvidTrakParameters p)
        {
            var value = p.Get("country");
            if (value is null || value.Trim().Length == 0) return "US";
            var c = value.Trim().ToUpperInvariant();
            if (Array.IndexOf(AvidTrakCatalog.Countries, c) < 0) throw AvidTrakRefusal.Invalid("country", value, AvidTrakCatalog.Join(AvidTrakCatalog.Countries));
            return c;
        }

        private static string AreaCode(string value, string numberType, string country)
        {
            var ok = value.Length == 3 && value.All(c => c >= '0' && c <= '9');
            if (numberType == "toll")
            {
                if (!ok || !AvidTrakCatalog.IsToll(value)) throw AvidTrakRefusal.Invalid("area_code", value, TollRule);
                return value;
            }
            // NANP geographic codes: N(0-8)X, not N11, not a toll-free prefix.
            if (!ok || value[0] < '2' || value[1] == '9' || value.Substring(1) == "11" || AvidTrakCatalog.IsToll(value))
                throw AvidTrakRefusal.Invalid("area_code", value, LocalRule);
            if (AvidTrakCatalog.CanadianAreaCodes.Contains(value) != (country == "CA"))
                throw AvidTrakRefusal.Invalid("area_code", value, country == "CA" ? "a Canadian area code such as 416, 604 or 514" : "a US area code such as 410 (for Canada give country CA)");
            return value;
        }
    }
}
