using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HealthMock.Bench;

/// <summary>
/// The JSON floor: patients written field by field with <see cref="Utf8JsonWriter"/>, pre-encoded names and no
/// reflection, producing the same bytes as Export-Json's default output. Nothing can write these bytes much faster.
/// </summary>
public static class PatientJsonFloor
{
    private static readonly JsonEncodedText Id = Name("id");
    private static readonly JsonEncodedText FirstName = Name("first_name");
    private static readonly JsonEncodedText LastName = Name("last_name");
    private static readonly JsonEncodedText Sex = Name("sex");
    private static readonly JsonEncodedText DateOfBirth = Name("date_of_birth");
    private static readonly JsonEncodedText Age = Name("age");
    private static readonly JsonEncodedText Email = Name("email");
    private static readonly JsonEncodedText Phone = Name("phone");
    private static readonly JsonEncodedText Address = Name("address");
    private static readonly JsonEncodedText AddressLine1 = Name("address_line1");
    private static readonly JsonEncodedText AddressLine2 = Name("address_line2");
    private static readonly JsonEncodedText City = Name("city");
    private static readonly JsonEncodedText State = Name("state");
    private static readonly JsonEncodedText Zip = Name("zip");
    private static readonly JsonEncodedText PreferredContactMethod = Name("preferred_contact_method");
    private static readonly JsonEncodedText PrimaryCareProviderId = Name("primary_care_provider_id");
    private static readonly JsonEncodedText PrimaryCareProvider = Name("primary_care_provider");
    private static readonly JsonEncodedText InsurancePolicyNumber = Name("insurance_policy_number");
    private static readonly JsonEncodedText InsuranceProvider = Name("insurance_provider");
    private static readonly JsonEncodedText CoverageType = Name("coverage_type");
    private static readonly JsonEncodedText DeductibleBalance = Name("deductible_balance");
    private static readonly JsonEncodedText ChronicConditions = Name("chronic_conditions");
    private static readonly JsonEncodedText Allergies = Name("allergies");
    private static readonly JsonEncodedText Medications = Name("medications");
    private static readonly JsonEncodedText EmergencyContact = Name("emergency_contact");
    private static readonly JsonEncodedText AccountCreationDate = Name("account_creation_date");
    private static readonly JsonEncodedText Code = Name("code");
    private static readonly JsonEncodedText ConditionName = Name("name");
    private static readonly JsonEncodedText Dosage = Name("dosage");
    private static readonly JsonEncodedText TreatsCode = Name("treats_code");
    private static readonly JsonEncodedText Relationship = Name("relationship");
    private static readonly JsonEncodedText[] SexNames = Names("female", "male", "other", "unknown");
    private static readonly JsonEncodedText[] ContactNames = Names("email", "phone", "SMS");

    /// <summary>Indented with two spaces and line feeds, relaxed escaping, as Export-Json writes.</summary>
    public static JsonWriterOptions Options => new()
    {
        Indented = true,
        NewLine = "\n",
        SkipValidation = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one patient as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, Patient p)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, p.Id);
        writer.WriteString(FirstName, p.FirstName);
        writer.WriteString(LastName, p.LastName);
        writer.WriteString(Sex, SexNames[(int)p.Sex]);
        WriteDate(writer, DateOfBirth, p.DateOfBirth);
        writer.WriteNumber(Age, p.Age);
        writer.WriteString(Email, p.Email);
        writer.WriteString(Phone, p.Phone);
        writer.WriteString(Address, p.Address);
        writer.WriteString(AddressLine1, p.AddressLine1);
        writer.WriteString(AddressLine2, p.AddressLine2);
        writer.WriteString(City, p.City);
        writer.WriteString(State, p.State);
        writer.WriteString(Zip, p.Zip);
        writer.WriteString(PreferredContactMethod, ContactNames[(int)p.PreferredContactMethod]);
        writer.WriteString(PrimaryCareProviderId, p.PrimaryCareProviderId);
        writer.WriteString(PrimaryCareProvider, p.PrimaryCareProvider);
        writer.WriteString(InsurancePolicyNumber, p.InsurancePolicyNumber);
        writer.WriteString(InsuranceProvider, p.InsuranceProvider);
        writer.WriteString(CoverageType, p.CoverageType);
        if (p.DeductibleBalance is { } balance)
        {
            writer.WriteNumber(DeductibleBalance, balance);
        }
        else
        {
            writer.WriteNull(DeductibleBalance);
        }

        writer.WriteStartArray(ChronicConditions);
        foreach (var condition in p.ChronicConditions)
        {
            writer.WriteStartObject();
            writer.WriteString(Code, condition.Code);
            writer.WriteString(ConditionName, condition.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Allergies);
        foreach (var allergy in p.Allergies)
        {
            writer.WriteStringValue(allergy);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Medications);
        foreach (var medication in p.Medications)
        {
            writer.WriteStartObject();
            writer.WriteString(ConditionName, medication.Name);
            writer.WriteString(Dosage, medication.Dosage);
            writer.WriteString(TreatsCode, medication.TreatsCode);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (p.EmergencyContact is { } contact)
        {
            writer.WriteStartObject(EmergencyContact);
            writer.WriteString(ConditionName, contact.Name);
            writer.WriteString(Relationship, contact.Relationship);
            writer.WriteString(Phone, contact.Phone);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull(EmergencyContact);
        }

        WriteDate(writer, AccountCreationDate, p.AccountCreationDate);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Sends what the writer holds to the stream once it passes <paramref name="threshold"/> bytes, the cheapest way
    /// to stream from a <see cref="Utf8JsonWriter"/>: it writes into the buffer, which is copied out in large blocks.
    /// </summary>
    public static void Drain(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, Stream output, int threshold)
    {
        if (writer.BytesPending + buffer.WrittenCount < threshold)
        {
            return;
        }

        writer.Flush();
        output.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
    }

    private static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, DateTime date)
    {
        Span<byte> text = stackalloc byte[10];
        date.TryFormat(text, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteString(name, text);
    }

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name);

    private static JsonEncodedText[] Names(params string[] names) => Array.ConvertAll(names, Name);
}
