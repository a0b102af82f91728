// Validates many variants of one data graph against SHACL shapes with Apache Jena, in one JVM.
//
// Usage: java -cp JENA_CLASSPATH ShaclBatch.java SHAPES BASE.nt CASES_DIR
// SHAPES lists shapes files (Turtle) separated by the path separator, merged into one shapes graph.
// BASE.nt is the base data. CASES_DIR holds, per case NAME, NAME.remove.nt and NAME.add.nt (the
// case's data graph is the base minus the first plus the second) and optionally NAME.focus (one
// IRI per line: validate only those focus nodes, as the Python suite does). The base itself is
// validated in full and reported as case "base".
// Prints one line per case: NAME <TAB> conforms (true/false) <TAB> focus nodes of the results
// (space separated, sorted). Exit status 0 when every case was validated.
import java.io.File;
import java.util.*;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;

public class ShaclBatch {
    public static void main(String[] args) {
        Graph shapesGraph = GraphFactory.createDefaultGraph();
        for (String f : args[0].split(File.pathSeparator)) RDFDataMgr.read(shapesGraph, f);
        Shapes shapes = Shapes.parse(shapesGraph);
        Graph data = RDFDataMgr.loadGraph(args[1]);
        report("base", shapes, data, List.of());
        File[] removes = new File(args[2]).listFiles((dir, name) -> name.endsWith(".remove.nt"));
        Arrays.sort(removes);
        for (File remove : removes) {
            String name = remove.getName().replace(".remove.nt", "");
            List<Triple> minus = RDFDataMgr.loadGraph(remove.getPath()).find().toList();
            List<Triple> plus = RDFDataMgr.loadGraph(new File(args[2], name + ".add.nt").getPath())
                .find().toList();
            List<Triple> removed = new ArrayList<>();
            for (Triple t : minus) if (data.contains(t)) { data.delete(t); removed.add(t); }
            List<Triple> added = new ArrayList<>();
            for (Triple t : plus) if (!data.contains(t)) { data.add(t); added.add(t); }
            File focusFile = new File(args[2], name + ".focus");
            List<String> focus = List.of();
            if (focusFile.exists()) {
                try {
                    focus = java.nio.file.Files.readAllLines(focusFile.toPath());
                } catch (java.io.IOException e) {
                    throw new RuntimeException(e);
                }
            }
            report(name, shapes, data, focus);
            for (Triple t : added) data.delete(t);
            for (Triple t : removed) data.add(t);
        }
    }

    static void report(String name, Shapes shapes, Graph data, List<String> focusIris) {
        List<ValidationReport> reports = new ArrayList<>();
        List<String> iris = focusIris.stream().filter(s -> !s.isBlank()).toList();
        if (iris.isEmpty()) {
            reports.add(ShaclValidator.get().validate(shapes, data));
        } else {
            for (String iri : iris) {
                reports.add(ShaclValidator.get().validate(shapes, data, NodeFactory.createURI(iri)));
            }
        }
        boolean conforms = true;
        TreeSet<String> focus = new TreeSet<>();
        for (ValidationReport report : reports) {
            conforms &= report.conforms();
            for (ReportEntry entry : report.getEntries()) {
                Node node = entry.focusNode();
                focus.add(node.isBlank() ? "_" : node.toString());
            }
        }
        System.out.println(name + "\t" + conforms + "\t" + String.join(" ", focus));
    }
}
