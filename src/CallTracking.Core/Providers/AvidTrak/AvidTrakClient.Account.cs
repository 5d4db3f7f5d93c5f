using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;
using A = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Accounts;
using Ops = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Operations;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// Accounts [seed]: create_account (an agency's new client, its pincode in the reply), update_user_details (the
    /// pincode's own account), client_list (agency only: each client's pincode) and get_remaining_balance.
    /// </summary>
    public sealed partial class AvidTrakClient : IAccountCreation, IAccountSettings, IAgencyClients, IAccountBalance
    {
        // ---- create_account ---------------------------------------------------------------------------------------------

        public IReadOnlyList<string> AccountTypes => A.AccountTypes;

        public void Validate(NewAccount account) => AccountQuery(account, withPassword: false);

        public string Describe(NewAccount account)
        {
            AccountQuery(account, withPassword: false);
            return "Create " + AvidTrakValues.OneOf(account.AccountType, A.AccountTypes, "AccountType", required: true) + " client account '" + account.UserName!.Trim() + "'";
        }

        /// <summary>
        /// create_account. Never re-sent once it may have reached the server (a second one would fail as "User ID already
        /// exists", or create a twin). The reply's row gives the pincode; the other fields are the reply's, else what was sent.
        /// </summary>
        public async Task<CallTrackingAccount> CreateAccountAsync(NewAccount account, CancellationToken cancellationToken)
        {
            var query = AccountQuery(account, withPassword: true);
            var userName = account.UserName!.Trim();
            var envelope = await CallAsync(Ops.CreateAccount, query, userName, cancellationToken).ConfigureAwait(false);
            var result = envelope.Rows.Count > 0 ? ReadAccount(envelope.Rows[0]) : new CallTrackingAccount(AvidTrakApi.ProviderName, userName);
            if (string.IsNullOrEmpty(result.UserName)) result.UserName = result.Id = userName;
            result.AccountType ??= AvidTrakValues.OneOf(account.AccountType, A.AccountTypes, "AccountType", required: true);
            result.Email ??= AvidTrakValues.Optional(account.Email);
            result.ContactName ??= AvidTrakValues.Optional(account.ContactName);
            if (result.ContactNumber is null && AvidTrakValues.Optional(account.ContactNumber) is { } contact)
                result.ContactNumber = PhoneNumberNormalizer.Normalize(contact, DefaultCountry, "ContactNumber");
            result.Domain ??= AvidTrakValues.Optional(account.Domain);
            return result;
        }

        private QueryBuilder AccountQuery(NewAccount account, bool withPassword)
        {
            if (account is null) throw new System.ArgumentNullException(nameof(account));
            var userName = AvidTrakValues.Id(account.UserName, "UserName", "the new account's user id (letters, digits, no spaces)");
            AvidTrakValues.Password(account.Password, "Password", required: true, alphanumeric: true);
            var type = AvidTrakValues.OneOf(account.AccountType, A.AccountTypes, "AccountType", required: true);
            var email = AvidTrakValues.Email(account.Email, "Email");
            var contact = AvidTrakValues.Optional(account.ContactName, "ContactName");
            var number = AvidTrakValues.Phone(account.ContactNumber, DefaultCountry, "ContactNumber");
            var domain = AvidTrakValues.Domain(account.Domain, "Domain");
            var q = new QueryBuilder().Add(A.UserId, userName);
            if (withPassword) q.Add(A.Password, AvidTrakValues.Plain(account.Password!));
            return q.Add(A.AccountType, type).Add(A.Email, email).Add(A.ContactName, contact).Add(A.ContactNumber, number).Add(A.Domain, domain);
        }

        // ---- update_user_details ----------------------------------------------------------------------------------------

        public void Validate(AccountChange change) => ChangeQuery(change, withPassword: false);

        public string Describe(AccountChange change)
        {
            ChangeQuery(change, withPassword: false);
            var parts = new List<string>();
            if (AvidTrakValues.Optional(change.UserName) is { } u) parts.Add("user id → " + u);
            if (AvidTrakValues.Optional(change.FullName) is { } f) parts.Add("contact name → " + f);
            if (AvidTrakValues.Optional(change.Email) is { } e) parts.Add("e-mail → " + e);
            if (change.Password != null) parts.Add("password → (new password)");
            return "Update the account: " + string.Join(", ", parts);
        }

        /// <summary>update_user_details (idempotent: setting the same values again changes nothing). The reply has no rows.</summary>
        public async Task<CallTrackingAccount> UpdateAccountAsync(AccountChange change, CancellationToken cancellationToken)
        {
            var query = ChangeQuery(change, withPassword: true);
            await CallAsync(Ops.UpdateUserDetails, query, null, cancellationToken).ConfigureAwait(false);
            var userName = AvidTrakValues.Optional(change.UserName) ?? string.Empty;
            return new CallTrackingAccount(AvidTrakApi.ProviderName, userName)
            {
                ContactName = AvidTrakValues.Optional(change.FullName),
                Email = AvidTrakValues.Optional(change.Email),
            };
        }

        private static QueryBuilder ChangeQuery(AccountChange change, bool withPassword)
        {
            if (change is null) throw new System.ArgumentNullException(nameof(change));
            var userName = AvidTrakValues.Optional(change.UserName) is null ? null : AvidTrakValues.Id(change.UserName, "UserName", "the account's new user id (no spaces)");
            var fullName = AvidTrakValues.Optional(change.FullName, "FullName");
            var email = AvidTrakValues.Email(change.Email, "Email");
            AvidTrakValues.Password(change.Password, "Password", required: false, alphanumeric: false);
            if (userName is null && fullName is null && email is null && change.Password is null)
                throw CallTrackingArgumentException.NothingGiven(new[] { "UserName", "FullName", "Email", "Password" }, "update_user_details changes only what is given");
            var q = new QueryBuilder().Add(A.UserName, userName).Add(A.FullName, fullName).Add(A.Email, email);
            if (withPassword && change.Password != null) q.Add(A.Password, AvidTrakValues.Plain(change.Password));
            return q;
        }

        // ---- client_list --------------------------------------------------------------------------------------------------

        /// <summary>
        /// client_list: every client of the agency with its pincode. Only an agency's pincode may list clients [seed]: with a
        /// client's, AvidTrak answers code 0, reported as an authentication error that says so.
        /// </summary>
        public async Task<IReadOnlyList<CallTrackingAccount>> ListClientsAsync(CancellationToken cancellationToken)
        {
            AvidTrakEnvelope envelope;
            try
            {
                envelope = await CallAsync(Ops.ClientList, null, null, cancellationToken).ConfigureAwait(false);
            }
            catch (CallTrackingException ex) when (ex.ProviderCode == AvidTrakApi.UnknownError)
            {
                throw new CallTrackingException(ex.Provider, ex.Operation, CallTrackingErrorKind.Authentication,
                    "AvidTrak lists clients only for an agency: the connection's pincode is not an agency pincode (AvidTrak answered code 0"
                    + (string.IsNullOrEmpty(ex.ProviderMessage) ? string.Empty : ": " + ex.ProviderMessage!.TrimEnd('.')) + "). Connect with the agency's pincode (AvidTrak: Settings → Generate New PIN) to list its clients.",
                    ex.HttpStatus, ex.ProviderCode, ex.ProviderMessage, ex) { NotSent = false };
            }
            return envelope.Rows.Select(ReadAccount).ToList();
        }

        private CallTrackingAccount ReadAccount(IReadOnlyDictionary<string, object?> row)
        {
            var r = new AvidTrakRowReader(row, DefaultCountry);
            var userName = r.Text(A.UserId) ?? r.Text(A.UserName) ?? string.Empty;
            var account = new CallTrackingAccount(AvidTrakApi.ProviderName, userName)
            {
                AccountType = r.Text(A.AccountType),
                Email = r.Text(A.Email),
                ContactName = r.Text(A.ContactName) ?? r.Text(A.FullName),
                ContactNumber = r.Phone(A.ContactNumber),
                Domain = r.Text(A.Domain),
            };
            using (var pin = r.Secret(A.ReplyPincode)) account.SetSecret(pin);
            if (r.Raw is { } raw) account.Raw = raw;
            return account;
        }

        // ---- get_remaining_balance --------------------------------------------------------------------------------------

        /// <summary>get_remaining_balance: one row with the balance, read as an exact decimal ("1,000" or "$5" stay in Raw).</summary>
        public async Task<AccountBalance> GetBalanceAsync(CancellationToken cancellationToken)
        {
            var envelope = await CallAsync(Ops.GetRemainingBalance, null, null, cancellationToken).ConfigureAwait(false);
            if (envelope.Rows.Count == 0)
                throw new CallTrackingException(AvidTrakApi.ProviderName, Ops.GetRemainingBalance.Name, CallTrackingErrorKind.ProviderFailure,
                    "AvidTrak could not get the remaining balance: the reply had no balance (code " + envelope.Code + ").", 200, envelope.Code, envelope.Status);
            var r = new AvidTrakRowReader(envelope.Rows[0], DefaultCountry);
            var balance = new AccountBalance(AvidTrakApi.ProviderName, string.Empty)
            {
                Balance = r.Decimal(A.Balance),
                Currency = r.Text(A.Currency)?.ToUpperInvariant() ?? A.DefaultCurrency,
            };
            if (r.Raw is { } raw) balance.Raw = raw;
            return balance;
        }
    }
}
