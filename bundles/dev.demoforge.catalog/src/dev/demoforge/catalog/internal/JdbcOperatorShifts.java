package dev.demoforge.catalog.internal;

import static dev.demoforge.catalog.internal.CatalogDatabase.instant;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.demoforge.catalog.api.OperatorShift;
import dev.demoforge.catalog.api.OperatorShifts;

/** {@link OperatorShifts} from one query over episodes and their check results in the {@link CatalogDatabase}. */
@Component(service = OperatorShifts.class)
public final class JdbcOperatorShifts implements OperatorShifts {

    private final CatalogDatabase db;

    @Activate
    public JdbcOperatorShifts(@Reference CatalogDatabase db) {
        this.db = db;
    }

    @Override
    public List<OperatorShift> shifts(String operator) {
        StringBuilder sql = new StringBuilder("SELECT e.operator, e.id, e.started_at, e.duration_s, e.review,"
                + " (SELECT COUNT(*) FROM check_result c WHERE c.episode_id = e.id AND c.verdict = 'FAIL'),"
                + " (SELECT c.score FROM check_result c WHERE c.episode_id = e.id AND c.check_id = 'smoothness')"
                + " FROM episode e WHERE e.status <> 'RECORDING' AND e.started_at IS NOT NULL"
                + " AND e.operator IS NOT NULL");
        List<Object> args = new ArrayList<>();
        if (operator != null) {
            sql.append(" AND e.operator = ?");
            args.add(operator);
        }
        sql.append(" ORDER BY e.operator, e.started_at, e.id");
        List<ShiftAnalysis.Row> rows = db.query("reading episodes per operator", sql.toString(), rs -> {
            double smoothness = rs.getObject(7) == null ? Double.NaN : rs.getDouble(7);
            boolean passed = rs.getLong(6) == 0 && !"REJECTED".equals(rs.getString(5));
            return new ShiftAnalysis.Row(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getDouble(4), passed,
                    smoothness);
        }, args.toArray());
        return ShiftAnalysis.shifts(rows);
    }
}
