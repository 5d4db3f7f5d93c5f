using System.Collections.Generic;
using System.Linq;

namespace CallTracking.Sandbox.AvidTrak
{
    internal sealed partial class AvidTrakMethods
    {
        private const string UserIdExists = "User ID already exists";

        /// <summary>create_account (agency only): a client under the agency, balance 0.00, no numbers; the reply carries its new pincode.</summary>
        private IReadOnlyList<AvidTrakRow>? CreateAccount(AvidTrakAccount caller, AvidTrakParameters p)
        {
            RequireAgency(caller, "create_account");
            var userId = AvidTrakParameters.UserId("userid", p.Required("userid", "the new client's user id"));
            var password = AvidTrakParameters.Password("password", p.Required("password", "letters and digits"));
            var accountType = p.Enum("account_type", AvidTrakCatalog.AccountTypes, required: true)!;
            var email = p.Get("email") is { } e && e.Trim().Length > 0 ? AvidTrakParameters.Email("email", e) : "";
            var contactName = AvidTrakParameters.Text("contact_name", (p.Get("contact_name") ?? "").Trim(), 100);
            var contactNumber = p.OptionalPhone("contact_number") ?? "";
            var domain = AvidTrakParameters.Text("domain", (p.Get("domain") ?? "").Trim(), 253);
            if (domain.Contains(" ")) throw AvidTrakRefusal.Invalid("domain", domain, "a domain name such as example.com");
            if (_state.FindUser(userId) != null) throw new AvidTrakRefusal(UserIdExists);

            var account = _state.NewAccount(userId, _state.NewPincode(userId), accountType, 0m, Now, caller);
            account.Password = password;
            account.Email = email;
            account.ContactName = contactName;
            account.ContactNumber = contactNumber;
            account.Domain = domain;
            return new[] { new AvidTrakRow().Add("userid", account.UserId).Add("pincode", account.Pincode).Add("account_type", account.AccountType) };
        }

        /// <summary>update_user_details: the pincode's own account; at least one of username, fullname, email, password.</summary>
        private IReadOnlyList<AvidTrakRow>? UpdateUserDetails(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var username = p.Get("username");
            var fullname = p.Get("fullname");
            var email = p.Get("email");
            var password = p.Get("password");
            if (username is null && fullname is null && email is null && password is null)
                throw new AvidTrakRefusal("Provide at least one parameter: username, fullname, email, password");
            if (username != null)
            {
                username = AvidTrakParameters.UserId("username", username.Trim());
                var holder = _state.FindUser(username);
                if (holder != null && holder != caller) throw new AvidTrakRefusal(UserIdExists);
            }
            if (fullname != null) fullname = AvidTrakParameters.Text("fullname", fullname.Trim(), 100);
            if (email != null) email = email.Trim().Length == 0 ? "" : AvidTrakParameters.Email("email", email);
            if (password != null) password = AvidTrakParameters.Password("password", password);

            if (username != null) caller.UserId = username;
            if (fullname != null) caller.ContactName = fullname;
            if (email != null) caller.Email = email;
            if (password != null) caller.Password = password;
            return null;
        }

        /// <summary>client_list (agency only): each client's user id and pincode.</summary>
        private IReadOnlyList<AvidTrakRow>? ClientList(AvidTrakAccount caller, AvidTrakParameters p)
        {
            RequireAgency(caller, "client_list");
            return _state.AccountList.Where(a => a.Agency == caller)
                .Select(a => new AvidTrakRow().Add("userid", a.UserId).Add("pincode", a.Pincode).Add("account_type", a.AccountType)
                    .Add("email", a.Email).Add("contact_name", a.ContactName))
                .ToList();
        }

        private IReadOnlyList<AvidTrakRow>? GetRemainingBalance(AvidTrakAccount caller, AvidTrakParameters p) =>
            new[] { new AvidTrakRow().Add("balance", caller.Balance) };
    }
}
