// How Java writes a double (Double.toString, which Jackson and Gson use by default),
// for tests/conformance/test_library_defaults.py: one number literal per stdin line in,
// one Double.toString per line out. Run as a single source file: `java Probe.java`.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

public final class Probe {
    private Probe() {}

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            System.out.println(Double.toString(Double.parseDouble(line)));
        }
    }
}
