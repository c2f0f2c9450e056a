// Read a vCard file with ez-vcard: print what each card gives back (FN, UID,
// N, TEL, EMAIL, BDAY) one per line, and every parse warning as a WARNING
// line. Compiled and run by tests/address_books.rs.
import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.property.Birthday;
import ezvcard.property.Email;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import java.io.File;
import java.text.SimpleDateFormat;

public class Check {
    public static void main(String[] args) throws Exception {
        try (VCardReader reader = new VCardReader(new File(args[0]))) {
            VCard card;
            while ((card = reader.readNext()) != null) {
                for (Object w : reader.getWarnings()) System.out.println("WARNING " + w);
                System.out.println("CARD");
                System.out.println("FN " + card.getFormattedName().getValue());
                System.out.println("UID " + (card.getUid() == null ? "" : card.getUid().getValue()));
                StructuredName n = card.getStructuredName();
                System.out.println("N " + (n == null ? "|" : n.getFamily() + "|" + n.getGiven()));
                for (Telephone t : card.getTelephoneNumbers()) {
                    if (t.getText() != null) {
                        System.out.println("TEL " + t.getText());
                    } else {
                        String ext = t.getUri().getExtension();
                        System.out.println("TEL " + t.getUri().getNumber() + (ext == null ? "" : " ext " + ext));
                    }
                }
                for (Email e : card.getEmails()) System.out.println("EMAIL " + e.getValue());
                Birthday b = card.getBirthday();
                if (b != null) {
                    String when = b.getDate() != null ? new SimpleDateFormat("yyyy-MM-dd").format(b.getDate())
                        : b.getPartialDate() != null ? b.getPartialDate().toISO8601(true) : "text " + b.getText();
                    System.out.println("BDAY " + when);
                }
            }
        }
    }
}
